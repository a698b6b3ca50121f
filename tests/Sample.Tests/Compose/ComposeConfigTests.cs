using Sample.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Sample.Tests.Compose;

[Trait("Requires", "docker-compose")]
public sealed class ComposeConfigTests
{
    [Fact]
    public void Config_BothServices_DeclareHealthchecksOnTheirHealthEndpoints()
    {
        var services = Support.Compose.Services();

        HealthcheckOf(services, "backend").Should().Contain("python3").And.Contain("/health/ready");
        HealthcheckOf(services, "frontend").Should().Contain("/healthz");
    }

    [Fact]
    public void Config_Frontend_StartsOnlyAfterBackendIsHealthy()
    {
        var services = Support.Compose.Services();

        services.Scalar("frontend", "depends_on", "backend", "condition").Should().Be("service_healthy");
        EnvironmentOf(services, "frontend").Should().Contain("BACKEND_UPSTREAM", "backend:8000");
    }

    [Fact]
    public void Config_ByDefault_BuildsLocalImagesAndPublishesOnLoopbackOnly()
    {
        var services = Support.Compose.Services();

        services.Scalar("backend", "image").Should().Be("sovd-backend:local");
        services.Scalar("frontend", "image").Should().Be("sovd-frontend:local");
        services.Scalar("backend", "build", "dockerfile").Should().Be("Dockerfile.prod");
        services.Scalar("frontend", "build", "dockerfile").Should().Be("Dockerfile.prod");
        PortsOf(services, "backend").Should().Equal("127.0.0.1:8000:8000");
        PortsOf(services, "frontend").Should().Equal("127.0.0.1:8080:8080");
    }

    [Fact]
    public void Config_WithPipelineVariables_UsesTheGivenImagesAndPorts()
    {
        var services = Support.Compose.Services(new Dictionary<string, string>
        {
            ["BACKEND_IMAGE"] = "ghcr.io/acme/sovd-backend:abc123",
            ["FRONTEND_IMAGE"] = "ghcr.io/acme/sovd-frontend:abc123",
            ["BACKEND_PORT"] = "18000",
            ["FRONTEND_PORT"] = "18080",
        });

        services.Scalar("backend", "image").Should().Be("ghcr.io/acme/sovd-backend:abc123");
        services.Scalar("frontend", "image").Should().Be("ghcr.io/acme/sovd-frontend:abc123");
        PortsOf(services, "backend").Should().Equal("127.0.0.1:18000:8000");
        PortsOf(services, "frontend").Should().Equal("127.0.0.1:18080:8080");
    }

    [Fact]
    public void Config_Backend_KeepsItsDatabaseOnANamedVolume()
    {
        var services = Support.Compose.Services();
        var dbPath = EnvironmentOf(services, "backend")["SOVD_DB_PATH"];
        var mounts = services.Sequence("backend", "volumes").OfType<YamlScalarNode>()
            .Select(v => v.Value!.Split(':'))
            .ToDictionary(parts => parts[0], parts => parts[1]);

        mounts.Should().ContainKey("backend-data");
        dbPath.Should().StartWith(mounts["backend-data"].TrimEnd('/') + "/");
    }

    private static string HealthcheckOf(YamlMappingNode services, string service) =>
        string.Join(' ', services.Sequence(service, "healthcheck", "test").OfType<YamlScalarNode>().Select(n => n.Value));

    private static IReadOnlyDictionary<string, string> EnvironmentOf(YamlMappingNode services, string service) =>
        services.StringMap(service, "environment");

    /// <summary>host_ip:published:target, from either the v1 short form or the v2 long form.</summary>
    private static IEnumerable<string> PortsOf(YamlMappingNode services, string service) =>
        services.Sequence(service, "ports").Select(port => port is YamlScalarNode scalar
            ? scalar.Value!.Replace("/tcp", string.Empty, StringComparison.Ordinal)
            : $"{port.Scalar("host_ip")}:{port.Scalar("published")}:{port.Scalar("target")}");
}
