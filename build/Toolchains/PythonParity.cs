namespace Build.Toolchains;

/// <summary>
/// An interpreter against the backend's CI toolchain: the definition's Python version and the requirement pins.
/// </summary>
public static class PythonParity
{
    private const string DevRequirements = "requirements-dev.txt";

    /// <summary>
    /// Every difference between <paramref name="python"/> and what the CI job installs; null when it does not answer.
    /// </summary>
    public static IReadOnlyList<string> Of(BuildContext context, FilePath python) =>
        PythonProbe.Ask(context.ProcessRunner, python) is { } installed
            ? ToolchainParity.Differences(installed, SovdPipeline.PythonVersion, Pins(context))
            : [$"{python.FullPath} did not report its versions"];

    public static IReadOnlyDictionary<string, string> Pins(BuildContext context) =>
        RequirementPins.Read(context.RequireBackend().CombineWithFilePath(DevRequirements).FullPath);

    /// <summary>The first three differences and how many more, for a one-line reason.</summary>
    public static string Brief(IReadOnlyList<string> differences) =>
        string.Join("; ", differences.Take(3)) + (
            differences.Count > 3 ? $"; {differences.Count - 3} more" : string.Empty);
}
