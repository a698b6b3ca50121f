namespace Build.Settings;

/// <summary>
/// Settings of the code stages (Lint-*, Test-Backend-Unit, Test-Frontend-Unit, Test-Pipeline, Security-Backend,
/// Security-Frontend), read from the context when a stage asks, so a stage checks only what it uses. Paths inside the
/// app follow the sample's layout; the interpreter is the one <see cref="HostTools"/> picked.
/// </summary>
public static class CodeSettings
{
    /// <summary>
    /// Test-Pipeline's default, locally and in CI alike: tests that need a tool beyond the .NET SDK (their
    /// <c>[Trait("Requires", …)]</c>) are left out, because the Test-Pipeline job sets up only .NET; the stages those
    /// tests exercise run for real in their own jobs. <c>--test-filter=</c> (empty) runs every test.
    /// </summary>
    public static readonly string DefaultTestFilter = string.Join('&',
        new[] { "docker", "docker-compose", "chromium", "helm", "linters", "nginx", "node", "python", "pwsh" }.Select(
            t => $"Requires!={t}"));

    // Pins every backend tool (ruff and pip-audit come from PyPI only).
    private const string BackendDevRequirements = "backend/requirements-dev.txt";

    /// <summary>The backend's folder, the linters' and tests' working directory.</summary>
    public static DirectoryPath RequireBackend(this BuildContext context) =>
        RequireFolder(context.AppRoot.Combine("backend"), "pyproject.toml");

    /// <summary>The frontend's folder, where package.json and its npm scripts live.</summary>
    public static DirectoryPath RequireFrontend(this BuildContext context) =>
        RequireFolder(context.AppRoot.Combine("frontend"), "package.json");

    /// <summary>
    /// Lowest coverage in percent; it overrides the app's own configuration. A percentage above 100 can never be met
    /// and one below 0 always is: both are typing mistakes.
    /// </summary>
    public static int RequireCoverageThreshold(this BuildContext context)
    {
        var threshold = context.Argument(ArgumentNames.CoverageThreshold, 80);
        if (threshold is < 0 or > 100)
        {
            throw new CakeException(
                $"--{ArgumentNames.CoverageThreshold}={threshold} is out of range: give a percentage from 0 to " +
                    $"100 (default 80).");
        }
        return threshold;
    }

    /// <summary>The <c>dotnet test --filter</c> expression of Test-Pipeline; null runs every test.</summary>
    public static string? TestFilter(this BuildContext context) =>
        context.Argument(ArgumentNames.TestFilter,
            context.Environment.GetEnvironmentVariable(EnvVars.TestFilter) ?? DefaultTestFilter).NullIfBlank();

    /// <summary>
    /// How to get a missing backend tool into the interpreter the stages use, and which were looked at when none had
    /// the tools.
    /// </summary>
    public static string PythonInstallHint(this BuildContext context, string tool)
    {
        var python = context.HostTools.PythonPath.FullPath;
        var hint = !File.Exists(python)
            ? $"the Python interpreter '{python}' was not found: install Python {SovdPipeline.PythonVersion} with " +
                $"the backend's tools " +
              $"(pip install -r {BackendDevRequirements}) or pass --{ArgumentNames.Python}=<path to an interpreter " +
                  $"that has {tool}> (env {EnvVars.Python})"
            : $"{python} cannot import {tool}. Install the backend's tools into it with " +
              $"'{python} -m pip install -r {BackendDevRequirements}' (run in the app root), " +
              $"or pass --{ArgumentNames.Python}=<an interpreter that has {tool}> (env {EnvVars.Python})";
        // Without an interpreter at CI's versions, a Docker engine is all the toolchain image needs.
        hint += context.HostTools.Python is { Found: false }
            ? $"; or start a Docker engine, and the host runs the backend's toolchain image (Python " +
                $"{SovdPipeline.PythonVersion} and the pins)"
            : string.Empty;
        return context.HostTools.Python is { Found: false } search ? $"{hint} ({search.TriedText})" : hint;
    }

    private static DirectoryPath RequireFolder(DirectoryPath folder, string marker)
    {
        if (!File.Exists(folder.CombineWithFilePath(marker).FullPath))
        {
            throw new CakeException(
                $"No {marker} in {folder.FullPath}: --{ArgumentNames.AppRoot} must point at the app (the folder with " +
                    $"backend/ and frontend/).");
        }
        return folder;
    }
}
