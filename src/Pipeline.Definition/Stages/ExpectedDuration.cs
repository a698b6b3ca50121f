namespace Pipeline.Definition.Stages;

/// <summary>How long a stage's job takes with a cold and a warm cache, and where the figures come from.</summary>
public sealed record ExpectedDuration(TimeSpan Cold, TimeSpan Warm, string Source)
{
    public static ExpectedDuration Unknown { get; } = new(TimeSpan.Zero, TimeSpan.Zero, "not measured");

    public static ExpectedDuration Minutes(double cold, double warm, string source) =>
        new(TimeSpan.FromMinutes(cold), TimeSpan.FromMinutes(warm), source);
}
