namespace Build.Deploy;

/// <summary>
/// After a failed wait or smoke step, before anything is rolled back (the failing pods still exist): the pods of the
/// stable and canary releases, their description and events, the namespace's events and the last log lines of every
/// pod that is not ready, and the traffic objects' status (Deployment.TrafficStatus.cs), written to <c>diagnostics/</c>
/// in the deployment's artifact folder, plus a short summary in the log. Bounded by the definition's Diagnostics time;
/// it never throws, so the rollback always runs.
/// </summary>
public sealed partial class Deployment
{
    private const int LogLines = 50;

    private string DiagnosticsFolder => Path.Combine(settings.RecordDirectory.FullPath, "diagnostics");

    private string ReleasePods =>
        $"{ChartNames.InstanceLabel} in ({settings.Release.Name},{settings.Release.CanaryName})";

    private void CollectDiagnostics()
    {
        var clock = Stopwatch.StartNew();
        TimeSpan Left() => TimeSpan.FromTicks(
            Math.Max((settings.Timeouts.Diagnostics - clock.Elapsed).Ticks, TimeSpan.TicksPerSecond));
        try
        {
            var folder = Directory.CreateDirectory(DiagnosticsFolder).FullName;
            void Save(string file, ToolResult result) =>
                File.WriteAllText(Path.Combine(folder, file),
                    result.Output + (result.StandardError.Count > 0 ? $"\n{result.Error}" : "") + "\n");
            var wide = context.KubectlGet("pods", ReleasePods, KubectlOutputFormat.Wide, _cluster.Kubectl(Left()));
            Save("pods.txt", wide);
            var json = context.KubectlGet("pods", ReleasePods, KubectlOutputFormat.Json, _cluster.Kubectl(Left()));
            Save("describe-pods.txt", context.KubectlDescribe("pods", ReleasePods, _cluster.Kubectl(Left())));
            Save("events.txt", context.KubectlEvents(_cluster.Kubectl(Left())));
            SaveTrafficStatus(Save, Left);
            var failing = NotReady(json.Output);
            foreach (var pod in failing.TakeWhile(_ => clock.Elapsed < settings.Timeouts.Diagnostics))
            {
                Save($"logs-{pod.Name}.txt", context.KubectlLogs(pod.Name, LogLines, _cluster.Kubectl(Left())));
            }
            var pods = Math.Max(0, wide.Lines.Count - 1);
            context.Error(string.Join('\n', failing.Take(5).Select(pod => $"  {pod.Name}: {pod.Reason}").Prepend(
                $"Diagnostics in {folder}: {pods} pod(s) of {settings.Release.Name} and " +
                $"{settings.Release.CanaryName}; {failing.Count} not ready.")));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            context.Warning($"Diagnostics incomplete ({error.Message}); the rollback goes on.");
        }
    }

    /// <summary>
    /// What a dry run shows instead: the commands a failed wait or smoke step runs, and where their output goes.
    /// </summary>
    private void PlanDiagnostics()
    {
        var selector = $"'{ReleasePods}'";
        string[] commands =
        [
            _cluster.KubectlCommand($"get pods -l {selector} -o wide"),
            _cluster.KubectlCommand($"describe pods -l {selector}"),
            _cluster.KubectlCommand("get events --sort-by=.lastTimestamp"),
            _cluster.KubectlCommand($"logs <each pod not ready> --all-containers --tail={LogLines}"),
            .. TrafficStatusCommands(),
        ];
        _cluster.Plan(
            $"on a failed wait or smoke step, before the rollback: diagnostics into {DiagnosticsFolder}/ " +
            $"from {string.Join("; ", commands)}");
    }

    /// <summary>
    /// Reads <c>kubectl get pods -o json</c>: pods not ready, each with its waiting/terminated reason.
    /// </summary>
    private static List<(string Name, string Reason)> NotReady(string json)
    {
        var pods = string.IsNullOrWhiteSpace(json) ? [] : JsonNode.Parse(json)?["items"]?.AsArray() ?? [];
        return [.. from pod in pods
                   let statuses = pod?["status"]?["containerStatuses"]?.AsArray() ?? []
                   let unready = statuses.Where(container => container?["ready"]?.GetValue<bool>() != true).ToList()
                   where statuses.Count == 0 || unready.Count > 0
                   let reason = unready.Select(Reason).FirstOrDefault(found => found is not null)
                       ?? (string?)pod?["status"]?["phase"]
                   select ((string?)pod?["metadata"]?["name"] ?? "?", reason ?? "not ready")];
    }

    /// <summary>
    /// The first waiting or terminated reason of the container's current state, else of its last one.
    /// </summary>
    private static string? Reason(JsonNode? container) =>
        (from state in new[] { "state", "lastState" }
         from kind in new[] { "waiting", "terminated" }
         let detail = container?[state]?[kind]
         where detail?["reason"] is not null
         select $"{container?["name"]} {detail["reason"]}" +
             $"{(detail["message"] is { } message ? $": {message}" : "")}").FirstOrDefault();
}
