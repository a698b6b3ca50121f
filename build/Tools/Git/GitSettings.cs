namespace Build.Tools.Git;

/// <summary>
/// The settings of the read-only questions to git. They never throw on a non-zero exit: "not a checkout" or "no such
/// commit" is an answer (null) the caller words in its own problem.
/// </summary>
public sealed class GitSettings : ToolRunnerSettings
{
    public static readonly ToolSpec<GitSettings> Spec = new(
        "git",
        "install git (Debian/Ubuntu: apt-get install git)",
        ["git"]);

    public GitSettings()
    {
        ThrowOnNonZeroExit = false;
        // A git that hangs (a credential prompt, a lock) must not stall settings that are read before any task runs.
        ToolTimeout = TimeSpan.FromSeconds(15);
    }
}
