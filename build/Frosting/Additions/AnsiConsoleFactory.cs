using Spectre.Console;

namespace Build.Frosting.Additions;

internal static class AnsiConsoleFactory
{
    private const int WidthWithoutTerminal = 120;

    /// <summary>The Spectre console Cake's report printer draws on; plain text when colours are off.</summary>
    public static IAnsiConsole Create(IConsole console, bool injected, bool colors)
    {
        var writer = injected ? new ConsoleTextWriter(console) : Console.Out;
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colors ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (injected || Console.IsOutputRedirected)
        {
            ansi.Profile.Width = WidthWithoutTerminal;
        }

        return ansi;
    }
}
