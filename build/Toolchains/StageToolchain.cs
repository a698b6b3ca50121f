using Build.Tools.DockerCompose;

namespace Build.Toolchains;

/// <summary>
/// The versions a stage actually runs, printed before it starts: one line per tool the definition says it runs
/// (<see cref="Stage.Runs"/>), with the Python packages that matter and their parity with the CI job.
/// </summary>
public static class StageToolchain
{
    private static readonly string[] KeyPackages =
        ["pydantic", "pydantic-core", "fastapi", "starlette", "pytest", "mypy", "black"];

    public static void Report(BuildContext context, string task)
    {
        if (context.DryRun
            || SovdPipeline.Definition.Stages.FirstOrDefault(stage => stage.Name == task) is not { } stage)
        {
            return;
        }
        foreach (var line in stage.Runs.Select(use => Line(context, stage, use)).OfType<string>())
        {
            context.Information("{0}", $"Toolchain of {task}: {line}");
        }
    }

    private static string? Line(BuildContext context, Stage stage, ToolUse use) => use.Tool switch
    {
        "python" => stage.Toolchains.Any(toolchain => toolchain is PythonToolchain { RequirementFiles.IsEmpty: false })
            ? Python(context)
            : $"python {PythonProbe.Ask(context.ProcessRunner, "python3")?.Version ?? "(no python3 on PATH)"} (the " +
                $"interpreter alone)",
        "node" => $"node {NodeRuntime.Version() ?? "(none on PATH)"}",
        "docker" =>
            $"docker engine {Docker(context, "version", "--format", "{{.Server.Version}}") ?? "(none answers)"}",
        "docker compose" => Compose(context),
        "docker buildx" =>
            $"builder BuildKit (DOCKER_BUILDKIT=1), buildx " +
            $"{Docker(context, "buildx", "version") ?? "not installed: the engine's own BuildKit"}",
        _ => null,
    };

    private static string Python(BuildContext context)
    {
        if (!context.HostTools.Python.Found)
        {
            return "python: none at CI's versions (the host's python line says what it tried)";
        }
        var python = context.HostTools.PythonPath;
        if (PythonProbe.Ask(context.ProcessRunner, python) is not { } installed)
        {
            return $"python {python.FullPath} did not report its versions";
        }
        var pins = PythonParity.Pins(context);
        var differences = ToolchainParity.Differences(installed, SovdPipeline.PythonVersion, pins);
        var packages =
            string.Join(", ",
            KeyPackages.Where(installed.Packages.ContainsKey).Select(name => $"{name} {installed.Packages[name]}"));
        var parity = differences is [] ? "same as the CI job"
            : $"differs from the CI job: {PythonParity.Brief(differences)}";
        return $"python {installed.Version} ({context.HostTools.Python.Picked}), {packages}; {parity}";
    }

    private static string Compose(BuildContext context) => context.DockerComposeVariant() switch
    {
        ComposeVariant.Plugin => $"Compose v2 ({Docker(context, "compose", "version", "--short")})",
        ComposeVariant.Standalone => "Compose v1 (docker-compose)",
        _ => "no compose",
    };

    /// <summary>The first line a silent <c>docker &lt;arguments&gt;</c> prints; null when it fails.</summary>
    internal static string? Docker(BuildContext context, params string[] arguments)
    {
        var settings = new ProcessSettings
        {
            Arguments = ArgumentBuilderExtensions.Command(arguments),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Silent = true,
        };
        try
        {
            using var process = context.ProcessRunner.Start("docker", settings);
            process.WaitForExit(20_000);
            var output = process.GetStandardOutput().FirstOrDefault()?.Trim();
            return process.GetExitCode() == 0 && !string.IsNullOrEmpty(output) ? output : null;
        }
        catch (Exception error) when (error is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}
