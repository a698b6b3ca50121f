namespace Build.Tools;

/// <summary>Thrown by <see cref="ToolPreflight.Ensure"/>; names every missing tool at once, each with its install hint.</summary>
public sealed class MissingToolsException(IReadOnlyList<ToolRequirement> missing)
    : InvalidOperationException(string.Join('\n', missing.Select(tool => $"Missing tool '{tool.Name}': {tool.InstallHint}")))
{
    public IReadOnlyList<ToolRequirement> Missing { get; } = missing;
}
