using Spectre.Console;

namespace Build.Frosting.Additions;

/// <summary>
/// The run's console and the Spectre console Cake's report printer draws on: a test's (registered through
/// ConfigureServices) as is, else Cake's when colours are on and plain text when they are off.
/// </summary>
internal static class HostConsole
{
    private const int WidthWithoutTerminal = 120;

    public static (IConsole Console, IAnsiConsole Ansi) Create(IConsole? injected, ICakeEnvironment environment)
    {
        var redirected = injected is not null || Console.IsOutputRedirected;
        var colors = Enabled(environment, redirected);
        var console = injected ?? (colors ? new CakeConsole(environment) : new PlainConsole());
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colors ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(injected is null ? Console.Out : new ConsoleTextWriter(injected)),
        });
        if (redirected)
        {
            ansi.Profile.Width = WidthWithoutTerminal;
        }

        return (console, ansi);
    }

    /// <summary>
    /// Colours unless NO_COLOR is set (https://no-color.org) or output goes to a pipe/file outside CI:
    /// Cake's own detection only looks at TERM and writes escape codes into pipes.
    /// </summary>
    public static bool Enabled(ICakeEnvironment environment, bool outputRedirected)
    {
        bool Set(string variable) => !string.IsNullOrEmpty(environment.GetEnvironmentVariable(variable));
        return !Set("NO_COLOR") && (!outputRedirected || Set("GITHUB_ACTIONS") || Set("TF_BUILD"));
    }

    /// <summary>The process's console without colours: setting one is a no-op.</summary>
    private sealed class PlainConsole : IConsole
    {
        public ConsoleColor ForegroundColor { get; set; }

        public ConsoleColor BackgroundColor { get; set; }

        public bool SupportAnsiEscapeCodes => false;

        public void Write(string format, params object[] arg) => Console.Write(format, arg);

        public void Write(string value) => Console.Write(value);

        public void WriteLine(string format, params object[] arg) => Console.WriteLine(format, arg);

        public void WriteLine(string value) => Console.WriteLine(value);

        public void WriteError(string format, params object[] arg) => Console.Error.Write(format, arg);

        public void WriteError(string value) => Console.Error.Write(value);

        public void WriteErrorLine(string format, params object[] arg) => Console.Error.WriteLine(format, arg);

        public void WriteErrorLine(string value) => Console.Error.WriteLine(value);

        public void ResetColor()
        {
        }
    }

    /// <summary>Lets Spectre.Console render into a Cake <see cref="IConsole"/> (e.g. one a test captures).</summary>
    private sealed class ConsoleTextWriter(IConsole console) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => console.Write(value.ToString());

        public override void Write(string? value) => console.Write(value ?? string.Empty);

        public override void WriteLine(string? value) => console.WriteLine(value ?? string.Empty);
    }
}
