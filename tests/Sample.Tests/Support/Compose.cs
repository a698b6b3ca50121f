using YamlDotNet.RepresentationModel;

namespace Sample.Tests.Support;

/// <summary>Runs `docker-compose config` on the sample's compose file; needs no Docker engine.</summary>
public static class Compose
{
    public const string InstallHint = "docker-compose not found on PATH; run `apt-get install -y docker-compose`";

    /// <summary>Variables the compose file reads; cleared so the file's defaults are what gets tested.</summary>
    private static readonly string[] FileVariables =
        ["BACKEND_IMAGE", "FRONTEND_IMAGE", "BACKEND_PORT", "FRONTEND_PORT", "SOVD_API_TOKEN"];

    private static readonly Lazy<ProcessResult> DefaultConfig = new(() => Run(null));

    /// <summary>`docker-compose config` with the given variables; the default run is shared by all tests.</summary>
    public static ProcessResult Config(IReadOnlyDictionary<string, string>? variables = null) =>
        variables is null ? DefaultConfig.Value : Run(variables);

    private static ProcessResult Run(IReadOnlyDictionary<string, string>? variables)
    {
        var binary = ProcessRunner.FindOnPath("docker-compose", Environment.GetEnvironmentVariable("PATH"))
            ?? throw new InvalidOperationException(InstallHint);
        var environment = FileVariables.ToDictionary(name => name, _ => (string?)null);
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return ProcessRunner.Run(binary, ["-f", RepoPaths.ComposeFile, "config"], RepoPaths.SampleApp, environment);
    }

    /// <summary>The resolved `services:` mapping.</summary>
    public static YamlMappingNode Services(IReadOnlyDictionary<string, string>? variables = null)
    {
        var result = Config(variables);
        result.Succeeded.Should().BeTrue(result.Describe());
        var stream = new YamlStream();
        stream.Load(new StringReader(result.StdOut));
        return stream.Documents.Single().RootNode.Mapping("services")
            ?? throw new InvalidOperationException("docker-compose config printed no services.");
    }
}
