namespace Pipeline.Definition.Tests.Support;

internal static class Text
{
    /// <summary>The lines as a YAML file is written: LF after every line.</summary>
    public static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));
}
