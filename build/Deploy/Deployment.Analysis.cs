using Build.Tools.Prometheus;

namespace Build.Deploy;

/// <summary>
/// The canary analysis of each weight step (README "Canary analysis"): after the smoke tests the canary bakes while
/// Prometheus is asked for its and stable's 5xx share and p95 latency (<see cref="CanaryBake"/>); a failed verdict
/// throws, so the step fails and rolls back like a failed smoke test. Every check goes into deployment.json.
/// </summary>
public sealed partial class Deployment
{
    // Checked with the rest of the settings in the preflight (DeployPreflight), so reading it here cannot fail.
    private readonly PrometheusSettings _prometheus = PrometheusSettings.From(context, settings);

    private bool AnalysisOn =>
        settings.Timeouts.Analysis is not null && (_prometheus.Url is not null || _prometheus.Service is not null);

    private string AnalysisStep => !AnalysisOn
        ? "no canary analysis (no Prometheus URL)"
        : "canary analysis: bake and Prometheus queries";

    /// <summary>The port-forward's permissions in Prometheus' namespace, for the cluster preflight.</summary>
    private IEnumerable<string> PortForwardProblems(Func<ClusterPermission, bool> canI)
    {
        if (_prometheus.Service is not { } service || settings.Timeouts.Analysis is null)
        {
            return [];
        }
        var denied = ClusterPermission.PrometheusPortForward(service.Namespace).Where(p => !canI(p)).ToList();
        return denied.Count == 0 ? [] :
        [
            $"The current identity may not {string.Join(", ", denied.Select(p => $"{p} (for {p.Why})"))}, which " +
            $"--{PrometheusSettings.ServiceArgument}={service} needs: " +
            $"apply {ClusterPermission.PrometheusRbacManifest} " +
            $"there (`kubectl apply -n {service.Namespace} -f {ClusterPermission.PrometheusRbacManifest}`).",
        ];
    }

    private void AnalyseStep(int weight)
    {
        if (settings.Timeouts.Analysis is not { } rules)
        {
            return;
        }
        var queries = new CanaryQueries(images.Backend.Tag, _prometheus.Selector);
        if (!AnalysisOn || context.DryRun)
        {
            PrintAnalysisPlan(weight, rules, queries);
            return;
        }
        using var forward = _prometheus.Service is { } service
            ? PrometheusPortForward.Start(
                context.Tools.Resolve("kubectl") ?? new FilePath("kubectl"), service, _cluster.Kubectl().Target,
                settings.Timeouts.ClusterCall)
            : null;
        using var client =
            new PrometheusClient(forward?.Url ?? _prometheus.Url!, _prometheus.Token, rules.QueryTimeout);
        var analysis = new CanaryBake(rules, client, queries, context.Information).Run(weight);
        _record.Analyses.Add(analysis);
        if (!analysis.Passed)
        {
            throw new DeployException(
                $"The canary analysis at {weight} % {analysis.Outcome} " +
                "(deployment.json lists every query, value and threshold).");
        }
    }

    private void PrintAnalysisPlan(int weight, CanaryAnalysis rules, CanaryQueries queries)
    {
        var where = (_prometheus.Url, _prometheus.Service) switch
        {
            ({ } url, _) => $"[dry-run] would ask {url}",
            (_, { } service) =>
                "[dry-run] would run kubectl " +
                $"{PrometheusPortForward.Arguments(service, settings.Cluster.KubeContext)} " +
                "and ask the port it prints",
            _ => $"no --{PrometheusSettings.UrlArgument} (or {PrometheusSettings.UrlVariable}) " +
                 $"or --{PrometheusSettings.ServiceArgument}: " +
                 "the analysis is off and the probe via the header alone judges; with one it would ask Prometheus",
        };
        context.Information(
            $"canary {weight} %: {where} every {Seconds(rules.Interval)} (bake {Seconds(rules.Bake)}, " +
            $"limit {Seconds(rules.StepLimit)}, at least {rules.MinRequests} canary requests; " +
            $"5xx <= {rules.MaxErrorPercent} % and <= stable + {rules.MaxErrorPointsOverStable} points; " +
            $"p95 <= {rules.MaxP95.TotalMilliseconds} ms and <= max(stable x {rules.MaxP95Ratio}, " +
            $"stable + {rules.P95Slack.TotalMilliseconds} ms)); the queries, with the window at the bake's end:");
        foreach (var track in new[] { CanaryTrack.Canary, CanaryTrack.Stable })
        {
            context.Information($"  {queries.RequestCount(track, rules.Bake)}");
            context.Information($"  {queries.ErrorCount(track, rules.Bake)}");
            context.Information($"  {queries.P95Seconds(track, rules.Bake)}");
        }
    }

    private static string Seconds(TimeSpan time) =>
        $"{time.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s";
}
