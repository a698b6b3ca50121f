namespace Build.Tests.Tasks.Deploy.Support;

/// <summary>An images.json as Push-Images records it.</summary>
public static class ImagesJson
{
    public const string BackendDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    public const string FrontendDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    public static readonly string Sample = $$"""
        {
          "backend": {"repository": "ghcr.io/acme/sovd-backend", "tag": "{{DeployScenario.Sha}}", "digest": "{{BackendDigest}}"},
          "frontend": {"repository": "ghcr.io/acme/sovd-frontend", "tag": "{{DeployScenario.Sha}}", "digest": "{{FrontendDigest}}"}
        }
        """;

    public static readonly string SetValues = string.Join(' ',
        $"--set-string backend.image.digest={BackendDigest} --set-string backend.image.repository=sovd-backend",
        $"--set-string backend.image.tag={DeployScenario.Sha}",
        $"--set-string frontend.image.digest={FrontendDigest} --set-string frontend.image.repository=sovd-frontend",
        $"--set-string frontend.image.tag={DeployScenario.Sha}",
        "--set-string global.imageOwner=acme --set-string global.imageRegistry=ghcr.io");
}
