namespace Build.Tasks;

[TaskName(TargetNames.LintFrontend)]
public sealed class LintFrontend : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var frontend = context.RequireFrontend();
        ToolPreflight.Ensure(context, NodeModules.Requirements);
        NodeModules.EnsureInstalled(context, frontend);

        // The app's own scripts say how it is linted (eslint . --max-warnings=0, prettier --check .).
        var linters = new Linters(context, SovdPipeline.LintFrontend);
        linters.Run("eslint", () => context.NpmRun(Script(frontend, "lint")));
        linters.Run("prettier", () => context.NpmRun(Script(frontend, "format:check")));
        linters.ThrowIfAnyFailed();
    }

    private static NpmRunSettings Script(DirectoryPath frontend, string script) =>
        new() { WorkingDirectory = frontend, Script = script, ThrowOnNonZeroExit = false };
}
