using Pipeline.Definition.Stages;

namespace Build.Rehearsal;

/// <summary>
/// Everything one isolated rehearsal needs. The definition and the command are given, not fixed, so the job runner
/// can rehearse another pipeline (the tests drive it with a small fixture repository).
/// </summary>
public sealed record RehearsalOptions
{
    public required PipelineDefinition Pipeline { get; init; }

    /// <summary>The repository whose commit is rehearsed; checkouts are made from it.</summary>
    public required string Repository { get; init; }

    public required RehearsalEvent Event { get; init; }

    /// <summary>Logs and artifacts, kept after the run.</summary>
    public required string RunFolder { get; init; }

    /// <summary>Checkouts and engines: a short path, removed after the run.</summary>
    public required string ScratchFolder { get; init; }

    /// <summary>The stages to rehearse; null rehearses every job of the event.</summary>
    public IReadOnlySet<Stage>? Scope { get; init; }

    /// <summary>Arguments that point deploy jobs at a cluster; empty when none was given (deploys are then skipped).</summary>
    public IReadOnlyList<string> ClusterArguments { get; init; } = [];

    /// <summary>How many jobs run side by side.</summary>
    public int Parallel { get; init; } = Environment.ProcessorCount;

    public bool KeepCheckouts { get; init; }

    /// <summary>Rehearse a snapshot of the working tree instead of HEAD.</summary>
    public bool IncludeUncommitted { get; init; }

    /// <summary>The job command in each checkout: <c>./build.sh --target=&lt;Stage&gt; --exclusive</c> plus the stage's CI arguments.</summary>
    public string BuildScript { get; init; } = "build.sh";

    /// <summary>Variables every job gets: the workflow's <c>env:</c>.</summary>
    public IReadOnlyDictionary<string, string> WorkflowEnv { get; init; } = new Dictionary<string, string>();

    /// <summary>The namespace images are tagged with (GITHUB_REPOSITORY_OWNER).</summary>
    public string Owner { get; init; } = "local";

    /// <summary>
    /// The built host inside a checkout (e.g. <c>.build/host</c>), built once and copied into every checkout as CI's
    /// cache restores it; null when the command needs no host.
    /// </summary>
    public string? HostFolder { get; init; }

    /// <summary>A host already built from the same inputs (the one running the rehearsal), copied in before the first job validates it.</summary>
    public string? HostSeed { get; init; }

    /// <summary>The engine each job gets.</summary>
    public Func<Stage, IJobEngine> EngineFor { get; init; } = _ => new NoEngine();

    /// <summary>How long an interrupted job's host may clean up (compose down) before its process tree is killed.</summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(20);

    public Action<string> Log { get; init; } = _ => { };
}
