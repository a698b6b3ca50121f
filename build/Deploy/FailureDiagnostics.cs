using System.Diagnostics;
using System.Text.Json;
using Build.Tools.Kubectl;

namespace Build.Deploy;

/// <summary>
/// After a failed wait or smoke step, before anything is rolled back (the failing pods still exist): the pods of the
/// stable and canary releases, their description and events, the namespace's events and the last log lines of every
/// pod that is not ready, written to <c>diagnostics/</c> in the deployment's artifact folder, plus a short summary in
/// the log. Bounded by the definition's Diagnostics time; it never throws, so the rollback always runs.
/// </summary>
public static class FailureDiagnostics
{
    private const string Folder = "diagnostics";
    private const int LogLines = 50;

    public static void Collect(Deployment run)
    {
        var clock = Stopwatch.StartNew();
        var budget = run.Settings.Bounds.Diagnostics;
        TimeSpan Left() => budget - clock.Elapsed;
        var context = run.Context;
        var selector = Selector(run);
        try
        {
            // A dry run prints the commands and writes nothing.
            var folder = run.Cluster.DryRun ? null : System.IO.Directory.CreateDirectory(Directory(run)).FullName;
            var wide = context.KubectlGet(run.Cluster.Pods(selector, KubectlOutputFormat.Wide, Positive(Left())));
            Save(folder, "pods.txt", wide);
            var json = context.KubectlGet(run.Cluster.Pods(selector, KubectlOutputFormat.Json, Positive(Left())));
            Save(folder, "describe-pods.txt", context.KubectlDescribe("pods", selector, run.Cluster.Kubectl(Positive(Left()))));
            Save(folder, "events.txt", context.KubectlEvents(run.Cluster.Kubectl(Positive(Left()))));
            var failing = NotReady(json.Output);
            foreach (var pod in failing.TakeWhile(_ => Left() > TimeSpan.Zero))
            {
                Save(folder, $"logs-{pod.Name}.txt", context.KubectlLogs(pod.Name, LogLines, run.Cluster.Kubectl(Positive(Left()))));
            }
            if (folder is not null)
            {
                context.Error(Summary(run, wide, failing, folder));
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            context.Warning($"Diagnostics incomplete ({error.Message}); the rollback goes on.");
        }
    }

    /// <summary>What a dry run shows instead: the commands a failed wait or smoke step runs, and where their output goes.</summary>
    public static void Plan(Deployment run)
    {
        var selector = $"'{Selector(run)}'";
        string[] commands =
        [
            run.Cluster.KubectlCommand($"get pods -l {selector} -o wide"),
            run.Cluster.KubectlCommand($"describe pods -l {selector}"),
            run.Cluster.KubectlCommand("get events --sort-by=.lastTimestamp"),
            run.Cluster.KubectlCommand($"logs <each pod not ready> --all-containers --tail={LogLines}"),
        ];
        run.Cluster.Plan($"on a failed wait or smoke step, before the rollback: diagnostics into {Directory(run)}/ from {string.Join("; ", commands)}");
    }

    /// <summary>Reads <c>kubectl get pods -o json</c>: pods not ready, each with its waiting/terminated reason.</summary>
    private static List<(string Name, string Reason)> NotReady(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        using var document = JsonDocument.Parse(json);
        var problems = new List<(string Name, string Reason)>();
        foreach (var pod in document.RootElement.GetProperty("items").EnumerateArray())
        {
            var name = pod.GetProperty("metadata").GetProperty("name").GetString() ?? "?";
            var status = pod.TryGetProperty("status", out var s) ? s : default;
            var statuses = status.ValueKind == JsonValueKind.Object && status.TryGetProperty("containerStatuses", out var cs) ? cs.EnumerateArray().ToList() : [];
            var unready = statuses.Where(c => !c.GetProperty("ready").GetBoolean()).ToList();
            if (statuses.Count > 0 && unready.Count == 0)
            {
                continue;
            }
            var reason = unready.Select(Reason).FirstOrDefault(r => r is not null)
                ?? (status.ValueKind == JsonValueKind.Object && status.TryGetProperty("phase", out var phase) ? phase.GetString() : null)
                ?? "not ready";
            problems.Add((name, reason));
        }
        return problems;
    }

    private static string? Reason(JsonElement container)
    {
        foreach (var key in new[] { "state", "lastState" })
        {
            if (container.TryGetProperty(key, out var state))
            {
                foreach (var kind in new[] { "waiting", "terminated" })
                {
                    if (state.TryGetProperty(kind, out var detail) && detail.TryGetProperty("reason", out var reason))
                    {
                        var message = detail.TryGetProperty("message", out var m) ? $": {m.GetString()}" : "";
                        return $"{container.GetProperty("name").GetString()} {reason.GetString()}{message}";
                    }
                }
            }
        }
        return null;
    }

    private static string Summary(Deployment run, ToolResult wide, List<(string Name, string Reason)> failing, string folder)
    {
        var pods = Math.Max(0, wide.Lines.Count - 1);
        var lines = new List<string> { $"Diagnostics in {folder}: {pods} pod(s) of {run.Settings.Release} and {run.Settings.CanaryRelease}; {failing.Count} not ready." };
        lines.AddRange(failing.Take(5).Select(pod => $"  {pod.Name}: {pod.Reason}"));
        return string.Join('\n', lines);
    }

    private static string Selector(Deployment run) => $"{ChartNames.InstanceLabel} in ({run.Settings.Release},{run.Settings.CanaryRelease})";

    private static string Directory(Deployment run) => Path.Combine(run.Settings.RecordDirectory.FullPath, Folder);

    private static void Save(string? folder, string file, ToolResult result)
    {
        if (folder is null)
        {
            return;
        }
        var text = result.Output + (result.StandardError.Count > 0 ? $"\n{result.Error}" : "");
        File.WriteAllText(Path.Combine(folder, file), text + "\n");
    }

    private static TimeSpan Positive(TimeSpan value) => value > TimeSpan.FromSeconds(1) ? value : TimeSpan.FromSeconds(1);
}
