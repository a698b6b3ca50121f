using System.Text.RegularExpressions;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Validation;

/// <summary>
/// The rules workflow auditors apply (zizmor, Scorecard, actionlint), checked on the generated workflow.
/// Every problem names its job and the rule.
/// </summary>
public static partial class WorkflowValidator
{
    private static readonly HashSet<string> KnownContexts =
        ["github", "env", "vars", "job", "jobs", "steps", "runner", "secrets", "strategy", "matrix", "needs", "inputs"];

    private static readonly HashSet<string> KnownFunctions =
        ["always", "success", "failure", "cancelled", "hashFiles", "contains", "startsWith", "endsWith", "format", "join", "toJSON", "fromJSON"];

    public static IReadOnlyList<ValidationError> Validate(Workflow workflow)
    {
        var errors = new List<ValidationError>();
        if (workflow.Permissions.Scopes.Values.Any(a => a == PermissionAccess.Write))
        {
            errors.Add(new("Workflow", "top-level permissions grant write access [excessive-permissions]; grant writes on the job that needs them."));
        }

        errors.AddRange(ExpressionErrors("Workflow", Strings(workflow)));
        foreach (var job in workflow.Jobs)
        {
            errors.AddRange(JobErrors(job));
        }

        return errors;
    }

    private static IEnumerable<ValidationError> JobErrors(Job job)
    {
        var subject = $"Job '{job.Id}'";
        if (job.Steps.IsEmpty)
        {
            yield return new(subject, "it has no steps [syntax-check].");
        }

        if (job.TimeoutMinutes <= 0)
        {
            yield return new(subject, "it has no timeout-minutes [job-timeout]; a hung job would hold a runner for six hours.");
        }

        if (job.Environment is not null && job.Concurrency is not { CancelInProgress: "false" })
        {
            yield return new(subject, "it deploys but is not in a concurrency group that never cancels [concurrency-limits]; a cancelled helm upgrade leaves the release stuck.");
        }

        // An OIDC token releases only where a cloud role trusts it (the ECR push); the coverage upload's token cannot publish.
        var releases = job.Environment is not null || job.Permissions.Grants(PermissionScope.Packages, PermissionAccess.Write)
            || job.Steps.OfType<ActionStep>().Any(step => step.Uses == Actions.ConfigureAwsCredentials);
        foreach (var step in job.Steps)
        {
            foreach (var error in StepErrors(subject, step, releases))
            {
                yield return error;
            }
        }

        foreach (var secret in SecretsUsed(job).Where(s => s != "GITHUB_TOKEN" && job.Environment is null))
        {
            yield return new(subject, $"it uses secrets.{secret} outside an environment [secrets-outside-env].");
        }

        foreach (var service in job.Services.Where(s => !PinnedImage().IsMatch(s.Image)))
        {
            yield return new(subject, $"service '{service.Name}' image '{service.Image}' is not pinned to a digest or exact version tag [unpinned-images].");
        }

        foreach (var error in ExpressionErrors(subject, Strings(job)))
        {
            yield return error;
        }
    }

    private static IEnumerable<ValidationError> StepErrors(string subject, Step step, bool releases)
    {
        var where = $"step '{step.Name}'";
        if (step is ActionStep action)
        {
            if (!FullSha().IsMatch(action.Uses.Sha))
            {
                yield return new(subject, $"{where} uses {action.Uses.Repository} without a full commit SHA [unpinned-uses].");
            }

            if (action.Uses.Runtime.IsRetired())
            {
                yield return new(subject,
                    $"{where} uses {action.Uses.Repository} {action.Uses.Version}, which runs on {action.Uses.Runtime.WireName()} [retired-runtime]; " +
                    $"GitHub's runners run {ActionRuntimes.OldestSupportedNode.WireName()} and newer only: pin a release whose action.yml says so.");
            }

            if (action.Uses.Repository == "actions/checkout" && !(action.With.TryGetValue("persist-credentials", out var persist) && persist == "false"))
            {
                yield return new(subject, $"{where} checks out with persisted credentials [artipacked]; set persist-credentials: false.");
            }

            if (releases && RestoresCache(action))
            {
                yield return new(subject, $"{where} restores a cache in a job that publishes or deploys [cache-poisoning].");
            }
        }

        if (step is RunStep run)
        {
            foreach (Match match in Expression().Matches(run.Run))
            {
                if (AttackerControlled().IsMatch(match.Groups[1].Value))
                {
                    yield return new(subject, $"{where} puts '{match.Value}' into a run script [template-injection]; pass it through env: instead.");
                }
            }
        }
    }

    private static bool RestoresCache(ActionStep action) =>
        action.Uses.Repository is "actions/cache" or "actions/cache/restore" || action.With.ContainsKey("cache");

    private static IEnumerable<ValidationError> ExpressionErrors(string subject, IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            foreach (Match match in Expression().Matches(text))
            {
                foreach (Match name in Identifier().Matches(StringLiteral().Replace(match.Groups[1].Value, "''")))
                {
                    var word = name.Groups[1].Value;
                    var isCall = name.Groups[2].Success;
                    if (isCall ? !KnownFunctions.Contains(word) : !KnownContexts.Contains(word) && word is not ("true" or "false" or "null"))
                    {
                        yield return new(subject, $"'{match.Value}' uses unknown {(isCall ? "function" : "context")} '{word}' [expression].");
                    }
                }
            }
        }
    }

    private static IEnumerable<string> SecretsUsed(Job job) =>
        Strings(job).SelectMany(t => SecretReference().Matches(t).Select(m => m.Groups[1].Value)).Distinct();

    private static IEnumerable<string> Strings(Workflow workflow) =>
        workflow.Env.Values.Concat(workflow.Concurrency is { } c ? [c.Group, c.CancelInProgress] : []);

    private static IEnumerable<string> Strings(Job job) =>
        new[] { job.If ?? "", job.Environment?.Url ?? "", job.Concurrency?.Group ?? "" }
            .Concat(job.Env.Values)
            .Concat(job.Outputs.Values)
            .Concat(job.Steps.SelectMany(Strings));

    private static IEnumerable<string> Strings(Step step) =>
        new[] { step.If ?? "" }
            .Concat(step.Env.Values)
            .Concat(step switch
            {
                RunStep run => [run.Run],
                ActionStep action => action.With.Values,
                _ => [],
            });

    [GeneratedRegex(@"\$\{\{\s*(.*?)\s*\}\}", RegexOptions.Singleline)]
    private static partial Regex Expression();

    // Outside an expression marker a job's `if:` is an expression too; identifiers are checked only inside ${{ }}.
    [GeneratedRegex(@"(?<![\w.'-])([A-Za-z_][A-Za-z0-9_-]*)(\s*\()?")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"'(?:[^']|'')*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"secrets\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex SecretReference();

    [GeneratedRegex(@"^[0-9a-f]{40}$")]
    private static partial Regex FullSha();

    [GeneratedRegex(@"(@sha256:[0-9a-f]{64}$)|(:[0-9]+(\.[0-9]+)+[\w.-]*$)")]
    private static partial Regex PinnedImage();

    [GeneratedRegex(@"github\.(event\.|head_ref)|github\.event_path|inputs\.")]
    private static partial Regex AttackerControlled();
}
