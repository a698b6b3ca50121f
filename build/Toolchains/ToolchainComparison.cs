using Build.Tools.DockerCompose;

namespace Build.Toolchains;

/// <summary>
/// Pipeline-Report's comparison of the toolchain CI's jobs set up (the definition and the requirement pins) with what
/// a local run here takes: one row per tool, with the stages that run it and whether the two match.
/// </summary>
public static class ToolchainComparison
{
    public static void Print(BuildContext context)
    {
        var stages = SovdPipeline.Definition.Stages;
        context.Information("Toolchains, CI job against this machine (issue #23):");
        foreach (var tool in new[] { "python", "node", "docker compose", "docker buildx" })
        {
            var users =
                stages.Where(stage => stage.Runs.Any(use => use.Tool == tool)).Select(stage => stage.Name).ToList();
            if (users.Count == 0)
            {
                continue;
            }
            var (ci, here, same) = Compare(context, tool);
            context.Information(
                $"  {(same ? "same" : "DIFF"),-4}  {tool,-15} CI: {ci}; here: {here}  ({string.Join(", ", users)})");
        }
    }

    private static (string Ci, string Here, bool Same) Compare(BuildContext context, string tool) => tool switch
    {
        "python" => Python(context),
        "node" => Node(),
        "docker compose" => context.DockerComposeVariant() is ComposeVariant.Plugin
            ? ("Compose v2 (runner image)",
                $"Compose v2 {StageToolchain.Docker(context, "compose", "version", "--short")}", true)
            : ("Compose v2 (runner image)",
                context.DockerComposeVariant() is null ? "none" : "Compose v1 (docker-compose)", false),
        _ => StageToolchain.Docker(context, "buildx", "version") is { } buildx
            ? ("BuildKit via buildx (runner image)", $"BuildKit, {buildx}", true)
            : ("BuildKit via buildx (runner image)", "the engine's BuildKit without buildx (DOCKER_BUILDKIT=1)", true),
    };

    private static (string, string, bool) Python(BuildContext context)
    {
        var ci = $"{SovdPipeline.PythonVersion} + requirements-dev.txt pins";
        if (!context.HostTools.Python.Found)
        {
            return (ci, $"none at CI's versions ({context.HostTools.Python.TriedText})", false);
        }
        var differences = PythonParity.Of(context, context.HostTools.PythonPath);
        var here = differences is [] ? $"{context.HostTools.Python.Picked}, same pins"
            : PythonParity.Brief(differences);
        return (ci, here, differences is []);
    }

    private static (string, string, bool) Node()
    {
        var version = NodeRuntime.Version();
        var same = version is not null && version.TrimStart('v').Split('.')[0] == SovdPipeline.NodeVersion;
        return ($"Node {SovdPipeline.NodeVersion} (setup-node)", version ?? "no node on PATH", same);
    }
}
