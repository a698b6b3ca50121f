using Pipeline.Tests.Shared;

namespace Sample.Tests.Support;

/// <summary>
/// The frontend image's web tier run on the host: Debian's nginx with the config that the image's own
/// docker-entrypoint.sh renders from nginx.conf.template, serving one build on 127.0.0.1.
/// </summary>
public static class FrontendServer
{
    public const string InstallHint = "nginx not found; run `apt-get install -y nginx-light` (scripts/setup-machine.sh does it)";

    /// <summary>
    /// Serves <paramref name="build"/> on 127.0.0.1:<paramref name="port"/>; a missing hashed asset is fetched from
    /// <paramref name="assetPeer"/> (host:port, or empty for none). <paramref name="backend"/> is the API's host:port
    /// (nothing listens on the default), <paramref name="version"/> the build named in X-App-Version.
    /// </summary>
    public static LocalServer Start(
        FrontendBuild build, string runtimeRoot, string assetPeer, int port, string backend = "127.0.0.1:9", string version = "unknown")
    {
        var runtime = Path.Combine(runtimeRoot, $"{build.Name}-nginx-{port}");
        Directory.CreateDirectory(runtime);
        var config = Render(build, runtime, port, assetPeer, backend, version);
        return LocalServer.Start(Nginx(), ["-c", config, "-p", runtime, "-e", "stderr", "-g", "daemon off;"], port);
    }

    public static string Nginx() =>
        ProcessRunner.FindOnPath("nginx", $"{Environment.GetEnvironmentVariable("PATH")}{Path.PathSeparator}/usr/sbin")
        ?? throw new InvalidOperationException(InstallHint);

    private static string Render(FrontendBuild build, string runtime, int port, string assetPeer, string backend, string version)
    {
        var frontend = Path.Combine(RepoPaths.SampleApp, "frontend");
        // With a command the entrypoint renders $NGINX_RUNTIME_DIR/nginx.conf and runs that command instead of nginx.
        var result = ProcessRunner.Run("sh", [Path.Combine(frontend, "docker-entrypoint.sh"), "true"], frontend, new Dictionary<string, string?>
        {
            ["LISTEN_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["WEB_ROOT"] = build.Folder,
            ["NGINX_RUNTIME_DIR"] = runtime,
            ["NGINX_TEMPLATE"] = Path.Combine(frontend, "nginx.conf.template"),
            ["BACKEND_UPSTREAM"] = backend,
            ["APP_VERSION"] = version,
            ["ASSET_PEER"] = assetPeer,
            ["DNS_RESOLVER"] = "127.0.0.1",
        });
        result.Succeeded.Should().BeTrue(result.Describe());

        // The image listens on every address of its pod; on a shared host the test keeps to the loopback address.
        var config = Path.Combine(runtime, "nginx.conf");
        var text = File.ReadAllText(config);
        var listen = $"listen {port};";
        text.Split(listen).Length.Should().Be(2, $"the rendered config has one `{listen}`");
        File.WriteAllText(config, text.Replace(listen, $"listen 127.0.0.1:{port};", StringComparison.Ordinal));
        return config;
    }
}
