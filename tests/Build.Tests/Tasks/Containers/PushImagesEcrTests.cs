using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Build.Tests.Support;
using Build.Tests.Tasks.Deploy;
using Build.Tests.Tasks.Deploy.Support;

namespace Build.Tests.Tasks.Containers;

/// <summary>
/// Push-Images to ECR. No ECR is reachable here, so docker and the AWS CLI are recording stand-ins: docker answers
/// like docker 27 (version, image inspect, login, push with "&lt;tag&gt;: digest: sha256:… size: …", logout) and notes
/// the SHA-256 of what login read on standard input; the AWS CLI answers as in <see cref="AwsCliStandIn"/>.
/// </summary>
[Trait("Tier", "process")]
public sealed class PushImagesEcrTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private static readonly string Registry = $"{AwsCliStandIn.Account}.dkr.ecr.{AwsCliStandIn.Region}.amazonaws.com";

    [Fact]
    public async Task PushImages_EcrRegistry_DockerAndAwsCliStandIns_LogsInThroughStdinAndPushesOwnerlessEcrNames()
    {
        using var tools = new ClusterStandIn().WithAws();
        tools.AddTool("docker", DockerScript);

        var result = await RunAsync(tools);

        result.ExitCode.Should().Be(0, result.ToString());
        var calls = tools.Calls.Where(call => !call.StartsWith("docker version", StringComparison.Ordinal)
            && !call.StartsWith("docker image inspect", StringComparison.Ordinal)).ToList();
        calls.Should().Equal(
            $"aws sts get-caller-identity --region {AwsCliStandIn.Region} --output json",
            $"aws ecr get-login-password --region {AwsCliStandIn.Region}",
            $"docker login {Registry} -u AWS --password-stdin",
            // latest only moves forward: the registry's latest is read first (none yet here, so it moves).
            $"docker pull -q {Registry}/sovd-backend:latest",
            $"docker tag {Registry}/sovd-backend:{Sha} {Registry}/sovd-backend:latest",
            $"docker pull -q {Registry}/sovd-frontend:latest",
            $"docker tag {Registry}/sovd-frontend:{Sha} {Registry}/sovd-frontend:latest",
            $"docker push {Registry}/sovd-backend:{Sha}",
            $"docker push {Registry}/sovd-backend:latest",
            $"docker push {Registry}/sovd-frontend:{Sha}",
            $"docker push {Registry}/sovd-frontend:latest",
            $"docker logout {Registry}");
        var passwordHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AwsCliStandIn.EcrPassword)));
        File.ReadAllText(Path.Combine(tools.Directory, "login-stdin.sha256")).Trim().Should().Be(passwordHash, "the password reaches docker through stdin, unchanged");
        using var recorded = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Artifacts(tools), "push", "images.json")));
        recorded.RootElement.GetProperty("backend").GetProperty("repository").GetString().Should().Be($"{Registry}/sovd-backend");
        recorded.RootElement.GetProperty("frontend").GetProperty("repository").GetString().Should().Be($"{Registry}/sovd-frontend");
        result.Output.Should().Contain($"Pushing to {Registry} as {AwsCliStandIn.Arn}").And.NotContain(AwsCliStandIn.EcrPassword);
    }

    [Fact]
    public async Task PushImages_EcrOfAnotherAccount_DockerAndAwsCliStandIns_WarnsThatARepositoryPolicyIsNeeded()
    {
        using var tools = new ClusterStandIn().WithAws();
        tools.AddTool("docker", DockerScript);

        var result = await RunAsync(tools, "--registry=210987654321.dkr.ecr.eu-central-1.amazonaws.com");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain($"The AWS identity belongs to account {AwsCliStandIn.Account}, the registry to 210987654321");
    }

    [Fact]
    public async Task PushImages_EcrLoginPasswordFails_DockerAndAwsCliStandIns_FailsBeforeAnyPush()
    {
        using var tools = new ClusterStandIn().WithAws().FailWhen("aws ecr get-login-password");
        tools.AddTool("docker", DockerScript);

        var result = await RunAsync(tools);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("aws: process returned exit code 254")
            .And.Contain("when calling the GetAuthorizationToken operation");
        tools.Calls.Should().NotContain(call => call.StartsWith("docker push", StringComparison.Ordinal) || call.StartsWith("docker login", StringComparison.Ordinal));
    }

    private static string Artifacts(ClusterStandIn tools) => Path.Combine(tools.Directory, "artifacts");

    private static Task<HostResult> RunAsync(ClusterStandIn tools, string? registry = null) =>
        HostRun.RunAsync(
            ["--target=Push-Images", "--exclusive", registry ?? $"--registry={Registry}", $"--sha={Sha}", "--created=2026-11-30T12:00:00Z",
             $"--artifacts-root={Artifacts(tools)}"],
            new Dictionary<string, string?> { ["PATH"] = tools.PathWithStandIns, ["GITHUB_TOKEN"] = null },
            TimeSpan.FromMinutes(3));

    // Every image "exists"; a push prints docker's last line with a digest that depends on the repository only,
    // so both tags of one image report the same digest, as a registry would.
    private const string DockerScript = """
        case "$1" in
          version) echo "27.5.1" ;;
          image) echo "sha256:3f1e0c9a7b2d4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f" ;;
          login) sha256sum | cut -d' ' -f1 > "$dir/login-stdin.sha256"; echo "Login Succeeded" ;;
          push)
            image=$2
            digest=$(printf '%s' "${image%:*}" | sha256sum | cut -d' ' -f1)
            echo "The push refers to repository [${image%:*}]"
            echo "${image##*:}: digest: sha256:${digest} size: 1570" ;;
          logout) echo "Removing login credentials for $2" ;;
          # A repository without latest yet: the registry's MANIFEST_UNKNOWN, as docker prints it.
          pull) echo "Error response from daemon: manifest for ${3} not found: manifest unknown: manifest unknown" >&2; exit 1 ;;
        esac
        exit 0
        """;
}
