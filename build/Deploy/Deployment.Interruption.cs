namespace Build.Deploy;

/// <summary>
/// A rollout stopped by SIGINT/SIGTERM. GitHub's cancellation (docs.github.com, workflow cancellation reference, read
/// 2026-12-07) sends SIGINT, SIGTERM 7500 ms later and kills the process tree 2500 ms after that; the host's second
/// signal ends it. The host starts no tracked process once interrupted, so the one undo that fits in those seconds —
/// the route back to stable, without helm's --wait, bounded by <see cref="QuickUndoBound"/> — is started directly.
/// The rest (a pending release, the canary's removal) is the job's <c>if: cancelled()</c> repair step's, or the next
/// run's: the rollout's state stays in the cluster for it.
/// </summary>
public sealed partial class Deployment
{
    private static readonly TimeSpan QuickUndoBound = TimeSpan.FromSeconds(5);

    private bool Interrupted => context.CancellationToken.IsCancellationRequested;

    private DeployException Interruption(Exception cause, RolloutProgress rollout)
    {
        var step = _record.FailedStep ?? "the rollout";
        context.Error($"{settings.Stage.Name}: interrupted at '{step}'.");
        var undone = rollout.RouteChanged && !rollout.Promoting
            ? QuickRouteBack()
            : "nothing undone now (the route sends no traffic to a half-changed release)";
        _record.Outcome = "interrupted";
        _record.Error = $"interrupted at '{step}'; {undone}";
        var repair = $"`./build.sh --target={TargetNames.RepairProduction}` " +
                     "(the job's repair step runs it after a cancellation), or the next deploy, " +
                     $"finishes the undo from the state in configmap {StateName}";
        context.Error($"{undone}. {repair}.");
        return new DeployException($"{settings.Stage.Name} was interrupted at '{step}': {undone}. {repair}.", cause);
    }

    /// <summary>
    /// <c>helm upgrade &lt;route release&gt;</c> to stable only, without waiting; what it did, for the log.
    /// </summary>
    private string QuickRouteBack()
    {
        var helm = context.Tools.Resolve("helm")?.FullPath ?? "helm";
        var info = new ProcessStartInfo(helm)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in QuickRouteBackArguments())
        {
            info.ArgumentList.Add(argument);
        }
        if (kubeConfig.Path is { } config)
        {
            info.Environment["KUBECONFIG"] = config.FullPath;
        }
        try
        {
            using var process = Process.Start(info)!;
            if (!process.WaitForExit(QuickUndoBound))
            {
                process.Kill(entireProcessTree: true);
                return $"the route back to {settings.Release.Name} did not finish within " +
                    $"{QuickUndoBound.TotalSeconds} s";
            }
            return process.ExitCode == 0
                ? $"the route sends every request to {settings.Release.Name} again " +
                    $"(helm upgrade {settings.Release.RouteName}, not waited for)"
                : $"the route back to {settings.Release.Name} failed: {process.StandardError.ReadToEnd().Trim()}";
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            return $"the route back to {settings.Release.Name} could not start ({error.Message})";
        }
    }

    private IEnumerable<string> QuickRouteBackArguments()
    {
        yield return "upgrade";
        yield return settings.Release.RouteName;
        yield return settings.Chart.Folder.FullPath;
        foreach (var file in new[] { settings.Chart.ValuesFile }.Concat(settings.Chart.ExtraValuesFiles))
        {
            yield return "-f";
            yield return file.MakeAbsolute(context.Environment).FullPath;
        }
        foreach (var pair in RouteValues(null).Concat(settings.Chart.ExtraSetValues))
        {
            yield return "--set";
            yield return $"{pair.Key}={pair.Value}";
        }
        yield return "-n";
        yield return settings.Release.Namespace;
        if (settings.Cluster.KubeContext is { } name)
        {
            yield return "--kube-context";
            yield return name;
        }
    }
}
