using Build.Tools.DotNet;

namespace Build.Security;

/// <summary>
/// NuGet's audit as a report, not a tripwire: restores never fail on NU1901–NU1904 (Directory.Build.props), and the
/// advisories are listed in the log and the job summary. They fail a run only when asked: the scheduled run
/// (GitHub's <c>schedule</c> event) or <c>--fail-on-nuget-advisories</c>, so no advisory can stop a release or a
/// hotfix.
/// </summary>
public static class NuGetAudit
{
    public const string ScheduleEvent = "schedule";

    public static void Run(BuildContext context, string stage)
    {
        var advisories = context.NuGetAdvisories(context.RepoRoot.CombineWithFilePath(Repository.Solution));
        var failOn = FailsOnAdvisories(context);
        foreach (var advisory in advisories)
        {
            context.Warning("{0}", $"NuGet advisory: {advisory}");
        }
        context.Information("{0}",
            advisories.Count == 0 ? "NuGet audit: no known advisory in the solution's packages"
            : Summary(advisories, failOn));
        var github = context.GitHubActions();
        if (github.IsRunningOnGitHubActions && github.Environment.Runtime.StepSummary is not null)
        {
            github.Commands.SetStepSummary(Markdown(stage, advisories, failOn));
        }
        if (Failure(advisories, failOn) is { } failure)
        {
            throw new CakeException(failure);
        }
    }

    /// <summary>
    /// The scheduled run fails on advisories; every other run only reports them (<c>--fail-on-nuget-advisories</c>
    /// overrides).
    /// </summary>
    public static bool FailsOnAdvisories(BuildContext context) => context.Argument(ArgumentNames.FailOnNuGetAdvisories,
        context.IsGitHubActions && context.GitHubRun().EventName == ScheduleEvent);

    public static string? Failure(IReadOnlyList<NuGetAdvisory> advisories, bool failOn) => !failOn
        || advisories.Count == 0
        ? null
        : $"NuGet audit found {advisories.Count} advisory(ies): {string.Join("; ", advisories)}. Update the package " +
            $"(for a transitive " +
          "one, pin a fixed version in Directory.Packages.props) or, when the risk is accepted, add " +
              "<NuGetAuditSuppress Include=\"<advisory url>\" /> with the reason.";

    public static string Markdown(string stage, IReadOnlyList<NuGetAdvisory> advisories, bool failOn)
    {
        var text = new StringBuilder($"### {stage}: NuGet advisories ({Mode(failOn)})\n\n");
        if (advisories.Count == 0)
        {
            return text.Append("No known advisory in the solution's packages.\n").ToString();
        }
        text.Append(
            "| package | version | severity | direct or transitive | project | advisory |\n| --- | --- | --- | --- " +
            "| --- | --- |\n");
        foreach (var advisory in advisories)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {advisory.Package} | {advisory.Version} | {advisory.Severity} | ")
                .Append(CultureInfo.InvariantCulture,
                    $"{(advisory.Transitive ? "transitive" : "direct")} | {advisory.Project} | {advisory.Url} |\n");
        }
        return text.ToString();
    }

    private static string Summary(IReadOnlyList<NuGetAdvisory> advisories, bool failOn) =>
        $"NuGet audit: {advisories.Count} advisory(ies) ({Mode(failOn)})";

    private static string Mode(bool failOn) => failOn
        ? "they fail this run: scheduled audit or --fail-on-nuget-advisories"
        : "reported only; the scheduled audit fails on them";
}
