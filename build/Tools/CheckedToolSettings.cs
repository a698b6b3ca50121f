using Cake.Core.Tooling;

namespace Build.Tools;

/// <summary>Settings shared by every <see cref="CheckedTool{TSettings}"/>.</summary>
public abstract class CheckedToolSettings : ToolSettings
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
}
