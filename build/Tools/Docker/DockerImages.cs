using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.Docker;

/// <summary>The docker calls that read what a registry tag points at: pull it, read a label, put a tag back.</summary>
[CakeAliasCategory("Docker")]
public static class DockerImageAliases
{
    private static readonly ToolInvocation Quiet =
        new() { CaptureOutput = true, CaptureError = true, ThrowOnNonZeroExit = false };

    /// <summary><c>docker pull -q &lt;image&gt;</c>, its error captured: a missing tag is an answer.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerPullQuietly(this ICakeContext context, string image) =>
        Run(context, Command("pull").Append("-q").AppendValue(image));

    /// <summary>The <paramref name="label"/> of a local image (docker prints "&lt;no value&gt;" without it).</summary>
    [CakeMethodAlias]
    public static ToolResult DockerImageLabel(this ICakeContext context, string image, string label) =>
        Run(context, Command("image", "inspect")
            .AppendOption("--format", $"{{{{index .Config.Labels \"{label}\"}}}}")
            .AppendValue(image));

    /// <summary><c>docker tag &lt;source&gt; &lt;target&gt;</c>.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerTag(this ICakeContext context, string source, string target) =>
        Run(context, Command("tag").AppendValue(source).AppendValue(target));

    private static ToolResult Run(ICakeContext context, ProcessArgumentBuilder arguments) =>
        DockerSettings.Spec.For(context).Run(new DockerSettings(), arguments, Quiet);
}
