using System.Globalization;

namespace Pipeline.Definition.Stages;

/// <summary>How long a stage's job takes with a cold and a warm cache, and where the figures come from.</summary>
public sealed record ExpectedDuration(TimeSpan Cold, TimeSpan Warm, string Source)
{
    public static ExpectedDuration Unknown { get; } = new(TimeSpan.Zero, TimeSpan.Zero, "not measured");

    /// <summary>
    /// The part of both figures that is a canary analysis' bakes; validation compares it with the stage's.
    /// </summary>
    public TimeSpan Bakes { get; init; }

    public static ExpectedDuration Minutes(double cold, double warm, string source) =>
        new(TimeSpan.FromMinutes(cold), TimeSpan.FromMinutes(warm), source);

    /// <summary>
    /// These figures plus the bakes of a canary that passes every step (<see cref="DeployTimeouts.PassingBakes"/>).
    /// </summary>
    public ExpectedDuration PlusBakes(DeployTimeouts timeouts)
    {
        var bakes = timeouts.PassingBakes;
        var each = timeouts.Analysis?.PassingStep.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) ?? "0";
        var source = $"{Source} + bakes {timeouts.CanaryWeights.Length} x {each} s";
        return new(Cold + bakes, Warm + bakes, source) { Bakes = bakes };
    }
}
