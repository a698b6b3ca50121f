namespace Build.Settings;

/// <summary>
/// Settings of the code stages (Lint-*, Test-Backend-Unit, Test-Frontend-Unit, Test-Pipeline, Security-Backend,
/// Security-Frontend), read once from the context. Paths inside the app follow the sample's layout.
/// </summary>
public sealed record CodeSettings
{
    /// <summary>
    /// Test-Pipeline's default, locally and in CI alike: tests that need a tool beyond the .NET SDK (their
    /// <c>[Trait("Requires", …)]</c>) are left out, because the Test-Pipeline job sets up only .NET; the stages those
    /// tests exercise run for real in their own jobs. <c>--test-filter=</c> (empty) runs every test.
    /// </summary>
    public static readonly string DefaultTestFilter = string.Join('&',
        new[] { "docker", "docker-compose", "chromium", "helm", "linters", "nginx", "node", "python", "pwsh" }.Select(t => $"Requires!={t}"));

    /// <summary>Pins every backend tool (ruff and pip-audit come from PyPI only).</summary>
    private const string BackendDevRequirements = "backend/requirements-dev.txt";

    public required FilePath Python { get; init; }

    /// <summary>The interpreters looked at when none was configured and none had the backend's tools; empty otherwise.</summary>
    public string PythonSearch { get; init; } = string.Empty;

    /// <summary>The linters' and tests' working directory.</summary>
    public required DirectoryPath Backend { get; init; }

    /// <summary>Where package.json and its npm scripts live.</summary>
    public required DirectoryPath Frontend { get; init; }

    /// <summary>Lowest line coverage in percent; it overrides the app's own configuration.</summary>
    public required int CoverageThreshold { get; init; }

    /// <summary>The <c>dotnet test --filter</c> expression of Test-Pipeline; null runs every test.</summary>
    public required string? TestFilter { get; init; }

    public required FilePath Solution { get; init; }

    /// <summary>On GitHub Actions linters print findings as workflow annotations.</summary>
    public required bool GitHubActions { get; init; }

    public static CodeSettings From(BuildContext context)
    {
        var filter = context.Argument(ArgumentNames.TestFilter, context.Environment.GetEnvironmentVariable(EnvVars.TestFilter) ?? DefaultTestFilter);
        return new CodeSettings
        {
            Python = context.Python,
            PythonSearch = context.HostTools.Python.Found ? string.Empty : context.HostTools.Python.TriedText,
            Backend = context.AppRoot.Combine("backend"),
            Frontend = context.AppRoot.Combine("frontend"),
            CoverageThreshold = context.Argument(ArgumentNames.CoverageThreshold, 80),
            TestFilter = filter.NullIfBlank(),
            Solution = context.InRepo("Pipeline.sln"),
            GitHubActions = context.IsGitHubActions,
        };
    }

    /// <summary>The backend folder, or an error naming <c>--app-root</c> when the app has none.</summary>
    public DirectoryPath RequireBackend() => RequireFolder(Backend, "pyproject.toml");

    /// <summary>The frontend folder, or an error naming <c>--app-root</c> when the app has none.</summary>
    public DirectoryPath RequireFrontend() => RequireFolder(Frontend, "package.json");

    /// <summary>A percentage above 100 can never be met and one below 0 always is: both are typing mistakes.</summary>
    public int RequireCoverageThreshold()
    {
        if (CoverageThreshold is < 0 or > 100)
        {
            throw new CakeException(
                $"--{ArgumentNames.CoverageThreshold}={CoverageThreshold} is out of range: give a percentage from 0 to 100 (default 80).");
        }
        return CoverageThreshold;
    }

    /// <summary>How to get a missing backend tool into the interpreter the stages use.</summary>
    public string PythonInstallHint(string tool) => PythonSearch.Length == 0 ? InstallHint(tool) : $"{InstallHint(tool)} ({PythonSearch})";

    private string InstallHint(string tool) => !File.Exists(Python.FullPath)
        ? $"the Python interpreter '{Python.FullPath}' was not found: install Python 3.11 with the backend's tools " +
          $"(pip install -r {BackendDevRequirements}) or pass --{ArgumentNames.Python}=<path to an interpreter that has {tool}> (env {EnvVars.Python})"
        : $"{Python.FullPath} cannot import {tool}. Install the backend's tools into it with " +
        $"'{Python.FullPath} -m pip install -r {BackendDevRequirements}' (run in the app root), " +
        $"or pass --{ArgumentNames.Python}=<an interpreter that has {tool}> (env {EnvVars.Python})";

    private static DirectoryPath RequireFolder(DirectoryPath folder, string marker)
    {
        if (!File.Exists(folder.CombineWithFilePath(marker).FullPath))
        {
            throw new CakeException(
                $"No {marker} in {folder.FullPath}: --{ArgumentNames.AppRoot} must point at the app (the folder with backend/ and frontend/).");
        }
        return folder;
    }
}
