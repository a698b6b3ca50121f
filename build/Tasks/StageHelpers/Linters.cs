namespace Build.Tasks.StageHelpers;

/// <summary>
/// Runs every linter of a stage even when an earlier one fails, so one run shows all findings;
/// then fails naming the linters that failed. A dry run ran no linter, so it judges nothing.
/// </summary>
internal sealed class Linters(BuildContext context, Stage stage)
{
    private readonly List<string> _names = [];
    private readonly List<string> _failed = [];

    public void Run(string name, Func<ToolResult> lint)
    {
        _names.Add(name);
        context.Information("{0}", $"--- {name} ---");
        var result = lint();
        if (context.DryRun)
        {
            return;
        }
        if (result.Succeeded)
        {
            context.Information("{0}", $"{name}: no findings");
            return;
        }
        context.Error("{0}", $"{name}: found problems (exit code {result.ExitCode}); its findings are above");
        _failed.Add(name);
    }

    public void ThrowIfAnyFailed()
    {
        if (context.DryRun)
        {
            return;
        }
        if (_failed.Count > 0)
        {
            throw new CakeException(
                $"{stage.Name} failed: {_failed.Count} of {_names.Count} linters found " +
                    $"problems: {string.Join(", ", _failed)} (findings above).");
        }
        context.Information("{0}", $"{stage.Name}: {string.Join(", ", _names)} found nothing.");
    }
}
