namespace Build.Toolchains;

/// <summary>
/// The Compose v2 and buildx CLI plugins <c>scripts/install-docker-plugins.sh</c> puts into <c>.tools/docker</c> (from
/// Debian trixie), so a local run takes the paths a GitHub runner takes: <c>docker compose</c> and BuildKit builds.
/// </summary>
public static class DockerPlugins
{
    public const string ConfigFolder = ".tools/docker";

    /// <summary>
    /// Points DOCKER_CONFIG at <c>&lt;repo&gt;/.tools/docker</c> for this process and its children when the plugins are
    /// there and the caller has not chosen a DOCKER_CONFIG of their own (whose cli-plugins folder then counts).
    /// </summary>
    public static void UseRepositoryPlugins(string repoRoot)
    {
        var config = Path.Combine(repoRoot, ConfigFolder);
        if (Environment.GetEnvironmentVariable("DOCKER_CONFIG") is { Length: > 0 }
            || !File.Exists(Path.Combine(config, "cli-plugins", "docker-compose")))
        {
            return;
        }
        Environment.SetEnvironmentVariable("DOCKER_CONFIG", config);
    }
}
