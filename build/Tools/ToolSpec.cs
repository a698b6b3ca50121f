namespace Build.Tools;

/// <summary>
/// What the pipeline knows about a tool before running it: its name, the executables to look for, how to install it;
/// <paramref name="Runner"/> only for a tool that finds itself differently (compose, Python modules).
/// </summary>
public sealed record ToolSpec<TSettings>(string Name, string InstallHint, string[] Executables, Func<ICakeContext,
    ToolRunner<TSettings>>? Runner = null)
    where TSettings : ToolRunnerSettings, new()
{
    public ToolRunner<TSettings> For(ICakeContext context) => Runner?.Invoke(context)
        ?? new ToolRunner<TSettings>(context, this);

    /// <summary>
    /// The preflight entry for a call with <paramref name="settings"/> (its interpreter, its modules); a stage that
    /// knows better words for the install hint replaces them with <c>with { InstallHint = … }</c>.
    /// </summary>
    public ToolRequirement Requirement(TSettings? settings = null) =>
        new(Name, InstallHint, context => For(context).IsAvailable(settings ?? new TSettings()));
}

/// <summary>A tool a stage needs, how to tell it is present (without side effects), and how to install it.</summary>
public sealed record ToolRequirement(string Name, string InstallHint, Func<ICakeContext, bool> IsAvailable);

/// <summary>Settings shared by every <see cref="ToolRunner{TSettings}"/>.</summary>
public abstract class ToolRunnerSettings : ToolSettings
{
    /// <summary>
    /// Whether a non-zero exit code throws. Linters default to <c>false</c> so a stage can run every linter
    /// and fail once at the end; deploy tools default to <c>true</c> (Cake's own default).
    /// </summary>
    public bool ThrowOnNonZeroExit { get; init; } = true;

    /// <summary>
    /// Cleanup in a task's <c>Finally</c>: after Ctrl-C the host's runner refuses to start processes (so nothing new
    /// outlives the run), but taking a stack down or logging out is exactly what must still happen then. Such a call
    /// starts outside the host's tracking; under --dryrun it is printed like any other command.
    /// </summary>
    public bool Teardown { get; init; }

    /// <summary>Tool-specific variables (KUBECONFIG, DOCKER_BUILDKIT…) added over the caller's own.</summary>
    protected internal virtual void AddEnvironmentVariables(IDictionary<string, string> variables,
        ICakeEnvironment environment)
    {
    }
}

/// <summary>
/// Where a cluster command goes; <paramref name="Config"/> is passed as <c>KUBECONFIG</c> (a file written from a deploy
/// secret, never a command-line value).
/// </summary>
public sealed record KubeTarget(string? Namespace = null, string? Context = null, FilePath? Config = null);

/// <summary>
/// The options helm and kubectl share: one <see cref="KubeTarget"/>, set once per call. Throws on failure by default.
/// </summary>
public abstract class KubeSettings : ToolRunnerSettings
{
    public KubeTarget Target { get; init; } = new();

    protected internal override void AddEnvironmentVariables(IDictionary<string, string> variables,
        ICakeEnvironment environment)
    {
        if (Target.Config is { } kubeConfig)
        {
            variables["KUBECONFIG"] = kubeConfig.MakeAbsolute(environment).FullPath;
        }
    }
}
