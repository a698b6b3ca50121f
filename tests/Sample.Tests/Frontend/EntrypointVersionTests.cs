using Sample.Tests.Support;

namespace Sample.Tests.Frontend;

/// <summary>The frontend image's entrypoint puts the build's APP_VERSION into nginx's X-App-Version header, or refuses it.</summary>
[Trait("Tier", "process")]
public sealed class EntrypointVersionTests : IDisposable
{
    private readonly string _runtime = Directory.CreateTempSubdirectory("entrypoint-version-").FullName;
    private readonly string _webRoot;

    public EntrypointVersionTests()
    {
        _webRoot = Path.Combine(_runtime, "html");
        Directory.CreateDirectory(_webRoot);
        File.WriteAllText(Path.Combine(_webRoot, "index.html"), "<div id=\"root\"></div>");
    }

    [Fact]
    public void Entrypoint_WithAppVersion_NamesItOnEveryAnswerNginxMakesButNotOnProxiedApiAnswers()
    {
        var result = Render("4f1c2b9e7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d0e");

        result.Succeeded.Should().BeTrue(result.Describe());
        result.StdOut.Should().Contain("docker-entrypoint: version 4f1c2b9e7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d0e serving");
        var config = File.ReadAllText(Path.Combine(_runtime, "nginx", "nginx.conf"));
        config.Should().Contain("""default "4f1c2b9e7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d0e";""")
            .And.Contain("""~^/(api|health)/ "";""")
            .And.Contain("add_header X-App-Version $app_version_header always;");
    }

    [Fact]
    public void Entrypoint_WithoutAppVersion_SaysUnknownNeverACommit()
    {
        var result = Render(null);

        result.Succeeded.Should().BeTrue(result.Describe());
        File.ReadAllText(Path.Combine(_runtime, "nginx", "nginx.conf")).Should().Contain("""default "unknown";""");
    }

    [Theory]
    [InlineData("4f1c 2b9e")]
    [InlineData("x\";add_header Evil 1;\"")]
    public void Entrypoint_WithAVersionUnfitForAHeader_RefusesNamingIt(string version)
    {
        var result = Render(version);

        result.ExitCode.Should().Be(64);
        result.StdErr.Should().Contain($"docker-entrypoint: APP_VERSION='{version}' is not valid; set it like APP_VERSION=4f1c2b9e7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d0e.");
    }

    public void Dispose() => Directory.Delete(_runtime, recursive: true);

    private ProcessResult Render(string? version)
    {
        var frontend = Path.Combine(RepoPaths.SampleApp, "frontend");
        var environment = new Dictionary<string, string?>
        {
            ["WEB_ROOT"] = _webRoot,
            ["NGINX_RUNTIME_DIR"] = Path.Combine(_runtime, "nginx"),
            ["NGINX_TEMPLATE"] = Path.Combine(frontend, "nginx.conf.template"),
            ["DNS_RESOLVER"] = "127.0.0.1",
            ["APP_VERSION"] = version,
        };
        return ProcessRunner.Run("sh", [Path.Combine(frontend, "docker-entrypoint.sh"), "true"], frontend, environment);
    }
}
