namespace Build.Tasks;

[TaskName(TargetNames.LintBackend)]
public sealed class LintBackend : FrostingTask<BuildContext>
{
    private static readonly IReadOnlyList<string> Sources = ["app", "tests"];

    public override void Run(BuildContext context)
    {
        var backend = context.RequireBackend();
        var python = context.HostTools.PythonPath;
        var ruff = new RuffSettings
        {
            PythonPath = python,
            WorkingDirectory = backend,
            Paths = Sources,
            GitHubAnnotations = context.IsGitHubActions,
            // The WebAssembly build, when that is what the host found, reaches `python -m ruff` through PYTHONPATH.
            EnvironmentVariables = context.HostTools.RuffVariables,
        };
        var black = new BlackSettings { PythonPath = python, WorkingDirectory = backend, Paths = Sources };
        // mypy reads strictness, plugins and python_version from pyproject.toml in the working directory.
        var mypy = new MypySettings { PythonPath = python, WorkingDirectory = backend, Paths = Sources };
        ToolPreflight.Ensure(
            context,
            RuffSettings.Spec.Requirement(ruff) with
            {
                InstallHint = $"{context.PythonInstallHint("ruff")}; {context.HostTools.Ruff.TriedText}",
            },
            BlackSettings.Spec.Requirement(black) with { InstallHint = context.PythonInstallHint("black") },
            MypySettings.Spec.Requirement(mypy) with { InstallHint = context.PythonInstallHint("mypy") });

        var linters = new Linters(context, SovdPipeline.LintBackend);
        linters.Run("ruff", () => context.RuffCheck(ruff));
        linters.Run("black", () => context.Black(black));
        linters.Run("mypy", () => context.Mypy(mypy));
        linters.ThrowIfAnyFailed();
    }
}
