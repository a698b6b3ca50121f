namespace Build.Deploy;

/// <summary>
/// An in-cluster Prometheus Service, as <c>--prometheus-service=&lt;namespace&gt;/&lt;service&gt;:&lt;port&gt;</c>.
/// </summary>
public sealed partial record PrometheusService(string Namespace, string Name, int Port)
{
    public static PrometheusService? Parse(string text) =>
        Shape().Match(text) is { Success: true } match
        && int.TryParse(match.Groups["port"].Value, CultureInfo.InvariantCulture, out var port)
        && port is > 0 and < 65536
            ? new PrometheusService(match.Groups["namespace"].Value, match.Groups["name"].Value, port)
            : null;

    public override string ToString() => $"{Namespace}/{Name}:{Port.ToString(CultureInfo.InvariantCulture)}";

    // DNS-1123 labels, as Kubernetes names namespaces and Services.
    [GeneratedRegex(
        "^(?<namespace>[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?)/" +
        "(?<name>[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?):(?<port>[0-9]{1,5})$")]
    private static partial Regex Shape();
}

/// <summary>
/// <c>kubectl port-forward service/&lt;name&gt; :&lt;port&gt; --address 127.0.0.1 -n &lt;namespace&gt;</c> for the
/// time of one step's analysis: with the local port left empty kubectl picks a free one and prints
/// <c>Forwarding from 127.0.0.1:&lt;local&gt; -&gt; &lt;remote&gt;</c> once it listens (kubernetes client-go
/// tools/portforward/portforward.go, read 2026-12-07). Disposing stops kubectl, also after a failure.
/// </summary>
public sealed partial class PrometheusPortForward : IDisposable
{
    private readonly Process _kubectl;

    private PrometheusPortForward(Process kubectl, Uri url)
    {
        _kubectl = kubectl;
        Url = url;
    }

    public Uri Url { get; }

    public static string Arguments(PrometheusService service, string? kubeContext) =>
        $"port-forward service/{service.Name} :{service.Port.ToString(CultureInfo.InvariantCulture)} " +
        $"--address 127.0.0.1 -n {service.Namespace}" +
        (kubeContext is { } name ? $" --context {name}" : "");

    public static PrometheusPortForward Start(
        FilePath kubectl, PrometheusService service, KubeTarget target, TimeSpan limit)
    {
        var info = new ProcessStartInfo(kubectl.FullPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(service, target.Context).Split(' '))
        {
            info.ArgumentList.Add(argument);
        }
        if (target.Config is { } config)
        {
            info.Environment["KUBECONFIG"] = config.FullPath;
        }
        var process = Process.Start(info)
            ?? throw new DeployException($"Could not start {kubectl.FullPath} port-forward.");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, line) => { lock (errors) { errors.AppendLine(line.Data); } };
        process.BeginErrorReadLine();
        var read = process.StandardOutput.ReadLineAsync();
        if (read.Wait(limit) && read.Result is { } line && Forwarding().Match(line) is { Success: true } match)
        {
            // kubectl keeps writing "Handling connection for …" lines: they are drained so it never blocks.
            _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            return new PrometheusPortForward(process, new Uri($"http://127.0.0.1:{match.Groups[1].Value}"));
        }
        Stop(process);
        string said;
        lock (errors)
        {
            said = errors.ToString().Trim();
        }
        var printed = read.IsCompleted ? $"it printed '{read.Result}'" : "no output";
        throw new DeployException(
            $"kubectl port-forward to {service} did not start within " +
            $"{limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s ({(said.Length > 0 ? said : printed)}): " +
            $"check that the Service exists and that the deploy identity has the rules of " +
            $"{ClusterPermission.PrometheusRbacManifest} in {service.Namespace}.");
    }

    public void Dispose() => Stop(_kubectl);

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    [GeneratedRegex(@"^Forwarding from 127\.0\.0\.1:([0-9]+) -> [0-9]+$")]
    private static partial Regex Forwarding();
}
