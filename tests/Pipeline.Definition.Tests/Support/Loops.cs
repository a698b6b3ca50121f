using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Pipeline.Definition.Stages;

namespace Pipeline.Definition.Tests.Support;

/// <summary>
/// Real dependency loops. A record can only hold objects built before it, so a loop is impossible with
/// <c>with</c> copies (see PipelineValidatorCycleTests); here each stage's needs wrap an array that is filled
/// after every stage of the loop exists.
/// </summary>
internal static class Loops
{
    /// <summary>Stage i needs stage i + 1; the last needs the first.</summary>
    public static Stage[] Ring(params string[] names) => Close([.. names.Select(n => Fixtures.NewStage(n))]);

    /// <summary>Copies of <paramref name="stages"/> where copy i needs copy i + 1 and the last needs the first.</summary>
    public static Stage[] Close(params Stage[] stages)
    {
        var slots = stages.Select(_ => new Stage[1]).ToArray();
        var closed = stages.Select((stage, i) => stage with { Needs = Wrap(slots[i]) }).ToArray();
        for (var i = 0; i < closed.Length; i++)
        {
            slots[i][0] = closed[(i + 1) % closed.Length];
        }

        return closed;
    }

    public static Stage NeedingItself(string name) => Ring(name)[0];

    /// <summary>Local targets in a loop, the way <see cref="Ring"/> builds stages.</summary>
    public static LocalTarget[] TargetRing(params string[] names)
    {
        var slots = names.Select(_ => new PipelineTarget[1]).ToArray();
        var targets = names.Select((name, i) => new LocalTarget(name, $"{name} for tests") { DependsOn = Wrap(slots[i]) }).ToArray();
        for (var i = 0; i < targets.Length; i++)
        {
            slots[i][0] = targets[(i + 1) % targets.Length];
        }

        return targets;
    }

    private static ImmutableArray<T> Wrap<T>(T[] slot) => ImmutableCollectionsMarshal.AsImmutableArray(slot);
}
