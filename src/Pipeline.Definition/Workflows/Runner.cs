namespace Pipeline.Definition.Workflows;

/// <summary>The machine label a job runs on; <see cref="Custom"/> is the escape hatch for self-hosted labels.</summary>
public sealed record Runner(string Label)
{
    public static Runner UbuntuLatest { get; } = new("ubuntu-latest");

    public static Runner Ubuntu2404 { get; } = new("ubuntu-24.04");

    public static Runner Custom(string label) => new(label);
}
