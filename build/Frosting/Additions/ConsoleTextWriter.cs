using System.Text;

namespace Build.Frosting.Additions;

/// <summary>Lets Spectre.Console render into a Cake <see cref="IConsole"/> (e.g. one a test captures).</summary>
internal sealed class ConsoleTextWriter : TextWriter
{
    private readonly IConsole _console;

    public ConsoleTextWriter(IConsole console)
    {
        _console = console;
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => _console.Write(value.ToString());

    public override void Write(string? value) => _console.Write(value ?? string.Empty);

    public override void WriteLine(string? value) => _console.WriteLine(value ?? string.Empty);
}
