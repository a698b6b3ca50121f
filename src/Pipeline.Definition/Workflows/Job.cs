using System.Collections.Immutable;

namespace Pipeline.Definition.Workflows;

/// <summary>One job of a workflow. <see cref="Needs"/> holds the jobs themselves, so a job can only need a job that exists.</summary>
public sealed record Job(string Id, string Name)
{
    public Runner RunsOn { get; init; } = Runner.UbuntuLatest;

    public ImmutableArray<Job> Needs { get; init; } = [];

    public string? If { get; init; }

    public DeploymentEnvironment? Environment { get; init; }

    public Permissions Permissions { get; init; } = Permissions.None;

    public Concurrency? Concurrency { get; init; }

    public int TimeoutMinutes { get; init; }

    public ImmutableSortedDictionary<string, string> Env { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public ImmutableSortedDictionary<string, string> Outputs { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public ImmutableArray<ServiceContainer> Services { get; init; } = [];

    public ImmutableArray<Step> Steps { get; init; } = [];
}
