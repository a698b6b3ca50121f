using Spectre.Console;

namespace Build.Frosting.Additions;

/// <summary>Any console, with colours switched off when <see cref="Enabled"/> says so.</summary>
internal sealed class HostConsole(IConsole inner, bool colors, bool injected) : IConsole
{
    private const int WidthWithoutTerminal = 120;

    public ConsoleColor ForegroundColor
    {
        get => inner.ForegroundColor;
        set
        {
            if (colors)
            {
                inner.ForegroundColor = value;
            }
        }
    }

    public ConsoleColor BackgroundColor
    {
        get => inner.BackgroundColor;
        set
        {
            if (colors)
            {
                inner.BackgroundColor = value;
            }
        }
    }

    public bool SupportAnsiEscapeCodes => colors && inner.SupportAnsiEscapeCodes;

    /// <summary>The process's console, or the one registered through ConfigureServices (e.g. a test's).</summary>
    public static HostConsole Create(IConsole? injected, ICakeEnvironment environment) => new(
        injected ?? new CakeConsole(environment),
        Enabled(environment, outputRedirected: injected is not null || Console.IsOutputRedirected),
        injected is not null);

    /// <summary>
    /// Colours unless NO_COLOR is set (https://no-color.org) or output goes to a pipe/file outside CI:
    /// Cake's own detection only looks at TERM and writes escape codes into pipes.
    /// </summary>
    public static bool Enabled(ICakeEnvironment environment, bool outputRedirected)
    {
        if (!string.IsNullOrEmpty(environment.GetEnvironmentVariable("NO_COLOR")))
        {
            return false;
        }

        var onCi = !string.IsNullOrEmpty(environment.GetEnvironmentVariable("GITHUB_ACTIONS"))
            || !string.IsNullOrEmpty(environment.GetEnvironmentVariable("TF_BUILD"));
        return onCi || !outputRedirected;
    }

    /// <summary>The Spectre console Cake's report printer draws on; plain text when colours are off.</summary>
    public IAnsiConsole CreateAnsi()
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colors ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(injected ? new ConsoleTextWriter(this) : Console.Out),
        });
        if (injected || Console.IsOutputRedirected)
        {
            ansi.Profile.Width = WidthWithoutTerminal;
        }

        return ansi;
    }

    public void Write(string format, params object[] arg) => inner.Write(format, arg);

    public void Write(string value) => inner.Write(value);

    public void WriteLine(string format, params object[] arg) => inner.WriteLine(format, arg);

    public void WriteLine(string value) => inner.WriteLine(value);

    public void WriteError(string format, params object[] arg) => inner.WriteError(format, arg);

    public void WriteError(string value) => inner.WriteError(value);

    public void WriteErrorLine(string format, params object[] arg) => inner.WriteErrorLine(format, arg);

    public void WriteErrorLine(string value) => inner.WriteErrorLine(value);

    public void ResetColor()
    {
        if (colors)
        {
            inner.ResetColor();
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
