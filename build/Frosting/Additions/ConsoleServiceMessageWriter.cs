using Cake.Common.Build;

namespace Build.Frosting.Additions;

/// <summary>Cake's GitHub workflow commands, written to the host's console instead of straight to stdout.</summary>
internal sealed class ConsoleServiceMessageWriter : IBuildSystemServiceMessageWriter
{
    private readonly IConsole _console;

    public ConsoleServiceMessageWriter(IConsole console)
    {
        _console = console;
    }

    public void Write(string format, params object[] args) =>
        _console.WriteLine(string.Format(CultureInfo.InvariantCulture, format, args));
}
