namespace Build.Frosting.Additions;

public static class SkipReason
{
    /// <summary>
    /// For <c>bool ShouldRun</c>: records why the task does not run (logged, in the summary's Skip Reason column and the
    /// step summary) and returns false. Cake.Frosting's own <c>SkippedMessage</c> is fixed before the run starts.
    /// </summary>
    public static bool Skip(this ICakeContext context, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A skipped task needs a reason: say why it does not run.", nameof(reason));
        }

        HostServices.Find<RunJournal>(context)?.SkipPending(reason);
        return false;
    }
}
