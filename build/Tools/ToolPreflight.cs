namespace Build.Tools;

/// <summary>
/// Checks a stage's tools before it does anything, so a missing tool fails the stage before any side effect.
/// </summary>
public static class ToolPreflight
{
    /// <exception cref="MissingToolsException">One or more tools are missing; the message lists each with its install
    /// hint.</exception>
    public static void Ensure(ICakeContext context, params ToolRequirement[] requirements)
    {
        ArgumentNullException.ThrowIfNull(context);
        var missing = requirements.Where(requirement => !requirement.IsAvailable(context)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        // A dry run shows the whole plan: it names what a real run would stop at instead of stopping.
        if (context is HostContext { DryRun: true })
        {
            context.Warning($"[dry-run] a real run would stop here: {new MissingToolsException(missing).Message}");
            return;
        }

        throw new MissingToolsException(missing);
    }
}

/// <summary>
/// Thrown by <see cref="ToolPreflight.Ensure"/>; names every missing tool at once, each with its install hint.
/// </summary>
public sealed class MissingToolsException(IReadOnlyList<ToolRequirement> missing)
    : InvalidOperationException(
        string.Join('\n', missing.Select(tool => $"Missing tool '{tool.Name}': {tool.InstallHint}")))
{
    public IReadOnlyList<ToolRequirement> Missing { get; } = missing;
}
