namespace Build.Tools.Docker;

/// <summary>Settings of a <c>docker</c> call; the command-specific settings derive from it. Throws on failure by default.</summary>
public class DockerSettings : PipelineToolSettings
{
}
