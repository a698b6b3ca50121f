using System.Diagnostics;
using System.Text.RegularExpressions;
using Build.Tools.Docker;
using Build.Tools.DockerCompose;
using Cake.Core.IO;

namespace Build.Containers;

/// <summary>
/// The app's compose stack for one test stage: started from the built images (never rebuilt), waited on until every
/// service is ready, and taken down with its volumes and networks however the stage ends.
/// </summary>
public sealed partial class ComposeStack
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private const int LogLinesOnFailure = 100;

    /// <summary>The backend's bearer token; the compose file passes it from the environment into the container.</summary>
    public const string ApiTokenVariable = "SOVD_API_TOKEN";

    private readonly BuildContext _context;
    private readonly FilePath _composeFile;
    private readonly Dictionary<string, string> _variables;
    private readonly ComposeVariant? _variant;
    private bool _created;

    private ComposeStack(BuildContext context, FilePath composeFile, string project, int backendPort, int frontendPort, Dictionary<string, string> variables)
    {
        _context = context;
        // Probed for real even under --dryrun, so the printed commands are the ones a real run would start.
        _variant = context.DockerComposeVariant();
        _composeFile = composeFile;
        Project = project;
        BackendPort = backendPort;
        FrontendPort = frontendPort;
        _variables = variables;
    }

    /// <summary>The compose project: the label on every container, network and volume of this stack.</summary>
    public string Project { get; }

    public int BackendPort { get; }

    public int FrontendPort { get; }

    public string BackendUrl => $"http://127.0.0.1:{BackendPort}";

    public string FrontendUrl => $"http://127.0.0.1:{FrontendPort}";

    /// <summary>
    /// A stack with a unique project name (<c>sovd-&lt;purpose&gt;-&lt;random&gt;</c>) unless the settings fix one.
    /// <paramref name="apiToken"/> turns the backend's bearer-token check on; <c>null</c> runs it without auth
    /// (also when the caller's environment has SOVD_API_TOKEN, which compose would pass through).
    /// </summary>
    public static ComposeStack For(BuildContext context, ContainerSettings settings, string purpose, string? apiToken = null)
    {
        var project = settings.ComposeProject ?? $"sovd-{purpose}-{Guid.NewGuid().ToString("N")[..8]}";
        var backendPort = settings.BackendPort == 0 ? FreePort.Next() : settings.BackendPort;
        var frontendPort = settings.FrontendPort == 0 ? FreePort.Next() : settings.FrontendPort;
        var variables = new Dictionary<string, string>
        {
            ["BACKEND_IMAGE"] = settings.Backend.ShaTag,
            ["FRONTEND_IMAGE"] = settings.Frontend.ShaTag,
            ["BACKEND_PORT"] = backendPort.ToString(CultureInfo.InvariantCulture),
            ["FRONTEND_PORT"] = frontendPort.ToString(CultureInfo.InvariantCulture),
            [ApiTokenVariable] = apiToken ?? string.Empty,
        };
        return new ComposeStack(context, settings.ComposeFile, project, backendPort, frontendPort, variables);
    }

    /// <summary>
    /// <c>up -d --no-build</c>, then polls until every container runs and each one with a healthcheck is healthy.
    /// <paramref name="timeout"/> bounds both: Compose v1 itself blocks in <c>up</c> on <c>service_healthy</c> dependencies.
    /// On failure prints <c>ps</c> and the logs of the services that are not ready, then throws.
    /// </summary>
    public void Start(TimeSpan timeout)
    {
        _context.Information($"Starting compose project {Project} (backend {BackendUrl}, frontend {FrontendUrl}; timeout {timeout.TotalSeconds:0} s)");
        var clock = Stopwatch.StartNew();
        _created = true;
        try
        {
            _context.DockerComposeUp(new DockerComposeUpSettings
            {
                Files = [_composeFile],
                ProjectName = Project,
                EnvironmentVariables = Variables(),
                Variant = _variant,
                Build = ComposeBuildMode.NoBuild,
                ToolTimeout = timeout,
            });
        }
        catch (TimeoutException)
        {
            Fail($"did not come up within {timeout.TotalSeconds:0} s ('up' was still waiting for healthy dependencies)");
        }
        catch (CakeException error) when (!_context.CancellationToken.IsCancellationRequested)
        {
            Fail($"'up' failed: {error.Message}");
        }
        if (_context.DryRun)
        {
            return;
        }
        WaitUntilReady(timeout, clock);
    }

    /// <summary><c>down -v --remove-orphans</c>, also after Ctrl-C; then checks that nothing of the project is left.</summary>
    public void Stop()
    {
        if (!_created)
        {
            return;
        }
        _context.Information($"Removing compose project {Project} (containers, networks, volumes)");
        _context.DockerComposeDown(new DockerComposeDownSettings
        {
            Files = [_composeFile],
            ProjectName = Project,
            EnvironmentVariables = Variables(),
            Variant = _variant,
            RemoveVolumes = true,
            RemoveOrphans = true,
            ThrowOnNonZeroExit = false,
            Teardown = true,
        });
        if (_context.DryRun)
        {
            return;
        }
        var leftovers = Leftovers();
        if (leftovers.Count > 0)
        {
            throw new CakeException($"compose down left parts of {Project} behind: {string.Join(", ", leftovers)}. Remove them with docker rm/network rm/volume rm.");
        }
        _created = false;
    }

    private void WaitUntilReady(TimeSpan timeout, Stopwatch clock)
    {
        while (true)
        {
            var statuses = _context.DockerComposeContainerStatuses(ProjectSettings());
            var broken = statuses.Where(status => status.State is "exited" or "dead" || status.Health == ContainerHealth.Unhealthy).ToList();
            if (broken.Count > 0)
            {
                Fail($"has failed services: {Describe(broken)}", broken);
            }
            if (statuses.Count > 0 && statuses.All(status => status.IsReady))
            {
                _context.Information($"Stack {Project} ready after {clock.Elapsed.TotalSeconds:0} s: {Describe(statuses)}");
                return;
            }
            if (clock.Elapsed >= timeout)
            {
                var waiting = statuses.Where(status => !status.IsReady).ToList();
                Fail($"was not healthy within {timeout.TotalSeconds:0} s; still waiting for {Describe(waiting)}", waiting);
            }
            if (_context.CancellationToken.WaitHandle.WaitOne(PollInterval))
            {
                _context.CancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private void Fail(string problem, IReadOnlyList<ContainerStatus>? notReady = null)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        _context.Error($"Compose project {Project} {problem}");
        var ps = _context.DockerComposePs(new DockerComposePsSettings
        {
            Files = [_composeFile],
            ProjectName = Project,
            EnvironmentVariables = Variables(),
            Variant = _variant,
            Quiet = false,
            All = true,
            ThrowOnNonZeroExit = false,
        });
        _context.Information(ps.Output);
        notReady ??= _context.DockerComposeContainerStatuses(ProjectSettings()).Where(status => !status.IsReady).ToList();
        var services = notReady.Select(status => ServiceOf(status.Name)).Distinct().ToList();
        if (services.Count > 0)
        {
            _context.Information($"Logs of {string.Join(", ", services)} (last {LogLinesOnFailure} lines each):");
            _context.DockerComposeLogs(new DockerComposeLogsSettings
            {
                Files = [_composeFile],
                ProjectName = Project,
                EnvironmentVariables = Variables(),
                Variant = _variant,
                Services = services,
                Tail = LogLinesOnFailure,
            });
        }
        throw new CakeException($"The stack {Project} {problem}. Its state and logs are printed above.");
    }

    private List<string> Leftovers()
    {
        var filter = new[] { DockerFilter.ComposeProject(Project) };
        var quiet = new DockerListSettings { Filters = filter, Quiet = true, Teardown = true };
        return
        [
            .. _context.DockerPs(new DockerListSettings { Filters = filter, Quiet = true, All = true, Teardown = true }).Lines.Select(id => $"container {id}"),
            .. _context.DockerNetworkList(quiet).Lines.Select(id => $"network {id}"),
            .. _context.DockerVolumeList(quiet).Lines.Select(name => $"volume {name}"),
        ];
    }

    /// <summary>v1 names containers <c>project_service_1</c>, v2 <c>project-service-1</c>.</summary>
    private string ServiceOf(string container)
    {
        var name = container.StartsWith(Project, StringComparison.Ordinal) && container.Length > Project.Length + 1
            ? container[(Project.Length + 1)..]
            : container;
        return ReplicaSuffix().Replace(name, string.Empty);
    }

    private static string Describe(IEnumerable<ContainerStatus> statuses) =>
        string.Join(", ", statuses.Select(status => $"{status.Name} ({status.State}, {status.Health.ToWire()})"));

    private DockerComposeSettings ProjectSettings() => new() { Files = [_composeFile], ProjectName = Project, EnvironmentVariables = Variables(), Variant = _variant };

    // A fresh copy per call: Cake's settings hold the dictionary by reference.
    private Dictionary<string, string> Variables() => new(_variables);

    [GeneratedRegex("[_-][0-9]+$")]
    private static partial Regex ReplicaSuffix();
}
