namespace Build.Settings;

/// <summary>
/// Settings of the code stages (Lint-*, Test-Backend-Unit, Test-Frontend-Unit, Test-Pipeline, Security-Backend,
/// Security-Frontend), read once from the context. Paths inside the app follow the sample's layout.
/// </summary>
public sealed record CodeSettings(
    FilePath Python,
    // The interpreters looked at when none was configured and none had the backend's tools; empty otherwise.
    string PythonSearch,
    // The linters' and tests' working directory.
    DirectoryPath Backend,
    // Where package.json and its npm scripts live.
    DirectoryPath Frontend,
    // Lowest line coverage in percent; it overrides the app's own configuration.
    int CoverageThreshold,
    // The dotnet test --filter expression of Test-Pipeline; null runs every test.
    string? TestFilter,
    FilePath Solution,
    // On GitHub Actions linters print findings as workflow annotations.
    bool GitHubActions)
{
    /// <summary>
    /// Test-Pipeline's default, locally and in CI alike: tests that need a tool beyond the .NET SDK (their
    /// <c>[Trait("Requires", …)]</c>) are left out, because the Test-Pipeline job sets up only .NET; the stages those
    /// tests exercise run for real in their own jobs. <c>--test-filter=</c> (empty) runs every test.
    /// </summary>
    public static readonly string DefaultTestFilter = string.Join('&',
        new[] { "docker", "docker-compose", "chromium", "helm", "linters", "nginx", "node", "python", "pwsh" }.Select(t => $"Requires!={t}"));

    // Pins every backend tool (ruff and pip-audit come from PyPI only).
    private const string BackendDevRequirements = "backend/requirements-dev.txt";

    public static CodeSettings From(BuildContext context)
    {
        var filter = context.Argument(ArgumentNames.TestFilter, context.Environment.GetEnvironmentVariable(EnvVars.TestFilter) ?? DefaultTestFilter);
        var python = context.HostTools.Python;
        return new CodeSettings(
            Python: context.HostTools.PythonPath,
            PythonSearch: python.Found ? string.Empty : python.TriedText,
            Backend: context.AppRoot.Combine("backend"),
            Frontend: context.AppRoot.Combine("frontend"),
            CoverageThreshold: context.Argument(ArgumentNames.CoverageThreshold, 80),
            TestFilter: filter.NullIfBlank(),
            Solution: context.RepoRoot.CombineWithFilePath("Pipeline.sln"),
            GitHubActions: context.IsGitHubActions);
    }

    public DirectoryPath RequireBackend() => RequireFolder(Backend, "pyproject.toml");

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
