namespace Build.Tasks;

[TaskName(TargetNames.LintBackend)]
public sealed class LintBackend : FrostingTask<BuildContext>
{
    private static readonly IReadOnlyList<string> Sources = ["app", "tests"];

    public override void Run(BuildContext context)
    {
        var settings = CodeSettings.From(context);
        var backend = settings.RequireBackend();
        var ruff = new RuffSettings
        {
            PythonPath = settings.Python,
            WorkingDirectory = backend,
            Paths = Sources,
            GitHubAnnotations = settings.GitHubActions,
            // The WebAssembly build, when that is what the host found, reaches `python -m ruff` through PYTHONPATH.
            EnvironmentVariables = context.HostTools.RuffVariables,
        };
        var black = new BlackSettings { PythonPath = settings.Python, WorkingDirectory = backend, Paths = Sources };
        // mypy reads strictness, plugins and python_version from pyproject.toml in the working directory.
        var mypy = new MypySettings { PythonPath = settings.Python, WorkingDirectory = backend, Paths = Sources };
        ToolPreflight.Ensure(
            context,
            RuffSettings.Spec.Requirement(ruff) with { InstallHint = $"{settings.PythonInstallHint("ruff")}; {context.HostTools.Ruff.TriedText}" },
            BlackSettings.Spec.Requirement(black) with { InstallHint = settings.PythonInstallHint("black") },
            MypySettings.Spec.Requirement(mypy) with { InstallHint = settings.PythonInstallHint("mypy") });

        var linters = new Linters(context, SovdPipeline.LintBackend);
        linters.Run("ruff", () => context.RuffCheck(ruff));
        linters.Run("black", () => context.Black(black));
        linters.Run("mypy", () => context.Mypy(mypy));
        linters.ThrowIfAnyFailed();
    }
}
