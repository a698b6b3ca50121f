using System.Net.Sockets;

namespace Build.Containers;

/// <summary>
/// The app's compose stack for one test stage: started from the built images (never rebuilt), waited on until every
/// service is ready, and taken down with its volumes and networks however the stage ends.
/// </summary>
public sealed class ComposeStack(BuildContext context, ContainerSettings settings, string project, int backendPort,
    int frontendPort, string? apiToken)
{
    private const int LogLinesOnFailure = 100;
    // The variant is probed for real even under --dryrun, so the printed commands are the ones a real run would start.
    private readonly ComposeProject _project = new(
        project,
        [settings.Stack.ComposeFile],
        new Dictionary<string, string>
        {
            ["BACKEND_IMAGE"] = settings.Backend.ShaTag,
            ["FRONTEND_IMAGE"] = settings.Frontend.ShaTag,
            ["BACKEND_PORT"] = backendPort.ToString(CultureInfo.InvariantCulture),
            ["FRONTEND_PORT"] = frontendPort.ToString(CultureInfo.InvariantCulture),
            [EnvVars.SovdApiToken] = apiToken ?? string.Empty,
        },
        context.DockerComposeVariant());
    private bool _created;

    public string BackendUrl { get; } = $"http://127.0.0.1:{backendPort}";

    public string FrontendUrl { get; } = $"http://127.0.0.1:{frontendPort}";

    /// <summary>
    /// A stack with a unique project name (<c>sovd-&lt;purpose&gt;-&lt;random&gt;</c>) unless the settings fix one, on
    /// free loopback ports unless the settings fix them, so two stacks (or a developer's own) never collide.
    /// <paramref name="apiToken"/> turns the backend's bearer-token check on; <c>null</c> runs it without auth
    /// (also when the caller's environment has SOVD_API_TOKEN, which compose would pass through).
    /// </summary>
    public static ComposeStack For(BuildContext context, ContainerSettings settings, string purpose,
        string? apiToken = null) =>
        new(context, settings, settings.Stack.Project ?? $"sovd-{purpose}-{Guid.NewGuid().ToString("N")[..8]}",
            settings.Stack.BackendPort == 0 ? FreePort() : settings.Stack.BackendPort,
            settings.Stack.FrontendPort == 0 ? FreePort() : settings.Stack.FrontendPort, apiToken);

    /// <summary>
    /// <c>up -d --no-build</c>, then polls until every container runs and each one with a healthcheck is healthy.
    /// <paramref name="timeout"/> bounds both: Compose v1 itself blocks in <c>up</c> on <c>service_healthy</c>
    /// dependencies. On failure prints <c>ps</c> and the logs of the services that are not ready, then throws.
    /// </summary>
    public void Start(TimeSpan timeout)
    {
        context.Information($"Starting compose project {project} (backend {BackendUrl}, frontend {FrontendUrl}; " +
            $"timeout {timeout.TotalSeconds:0} s)");
        var clock = Stopwatch.StartNew();
        _created = true;
        try
        {
            context.DockerComposeUp(new DockerComposeSettings { Project = _project, ToolTimeout = timeout });
        }
        catch (TimeoutException)
        {
            Fail($"did not come up within {timeout.TotalSeconds:0} s " +
                "('up' was still waiting for healthy dependencies)");
        }
        catch (CakeException error) when (!context.CancellationToken.IsCancellationRequested)
        {
            Fail($"'up' failed: {error.Message}");
        }
        if (!context.DryRun)
        {
            WaitUntilReady(timeout, clock);
        }
    }

    /// <summary>
    /// <c>down -v --remove-orphans</c>, also after Ctrl-C; then checks that nothing of the project is left.
    /// </summary>
    public void Stop()
    {
        if (!_created)
        {
            return;
        }
        context.Information($"Removing compose project {project} (containers, networks, volumes)");
        // A teardown call never throws and runs also after Ctrl-C.
        context.DockerComposeDown(
            new DockerComposeSettings { Project = _project, ThrowOnNonZeroExit = false, Teardown = true });
        if (context.DryRun)
        {
            return;
        }
        var teardown = new DockerSettings { Teardown = true };
        List<string> leftovers =
        [
            .. context.DockerPs(project, teardown).Lines.Select(id => $"container {id}"),
            .. context.DockerNetworkList(project, teardown).Lines.Select(id => $"network {id}"),
            .. context.DockerVolumeList(project, teardown).Lines.Select(name => $"volume {name}"),
        ];
        if (leftovers.Count > 0)
        {
            throw new CakeException($"compose down left parts of {project} behind: {string.Join(", ", leftovers)}. " +
                "Remove them with docker rm/network rm/volume rm.");
        }
        _created = false;
    }

    private void WaitUntilReady(TimeSpan timeout, Stopwatch clock)
    {
        while (true)
        {
            var statuses = context.DockerComposeContainerStatuses(new DockerComposeSettings { Project = _project });
            var broken = statuses
                .Where(status => status.State is "exited" or "dead" || status.Health == ContainerHealth.Unhealthy)
                .ToList();
            if (broken.Count > 0)
            {
                Fail($"has failed services: {Describe(broken)}", broken);
            }
            if (statuses.Count > 0 && statuses.All(status => status.IsReady))
            {
                context.Information(
                    $"Stack {project} ready after {clock.Elapsed.TotalSeconds:0} s: {Describe(statuses)}");
                return;
            }
            if (clock.Elapsed >= timeout)
            {
                var waiting = statuses.Where(status => !status.IsReady).ToList();
                Fail($"was not healthy within {timeout.TotalSeconds:0} s; still waiting for {Describe(waiting)}",
                    waiting);
            }
            if (context.CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(1)))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private void Fail(string problem, IReadOnlyList<ContainerStatus>? notReady = null)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        context.Error($"Compose project {project} {problem}");
        context.Information(context.DockerComposePs(
            new DockerComposeSettings { Project = _project, ThrowOnNonZeroExit = false }, quiet: false).Output);
        notReady ??=
        [
            .. context.DockerComposeContainerStatuses(new DockerComposeSettings { Project = _project })
                .Where(status => !status.IsReady),
        ];
        var services = notReady.Select(status => status.Service).Distinct().ToList();
        if (services.Count > 0)
        {
            context.Information($"Logs of {string.Join(", ", services)} (last {LogLinesOnFailure} lines each):");
            context.DockerComposeLogs(services, LogLinesOnFailure,
                new DockerComposeSettings { Project = _project, ThrowOnNonZeroExit = false });
        }
        throw new CakeException($"The stack {project} {problem}. Its state and logs are printed above.");
    }

    private static string Describe(IEnumerable<ContainerStatus> statuses) =>
        string.Join(", ", statuses.Select(status => $"{status.Name} ({status.State}, {status.Health.ToWire()})"));

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
