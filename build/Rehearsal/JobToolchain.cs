namespace Build.Rehearsal;

/// <summary>
/// The local equivalent of a job's toolchain steps, run in its clean checkout before the job's command, so an isolated
/// job has what its CI job installs and no more: setup-node is the clone's Node (.tools/node, the definition's
/// version), setup-python with the requirements is the Python the rehearsing host picked at CI's versions (the
/// toolchain image, whose ruff is the WebAssembly build and needs its npm packages), a script toolchain runs its own
/// command.
/// </summary>
/// <param name="Python">The interpreter the jobs get (PIPELINE_PYTHON); null when the host found none at CI's
/// versions.</param>
/// <param name="ToolchainEngine">The engine that runs toolchain images, when the jobs' own engines do not have
/// them.</param>
public sealed record JobToolchain(string Repository, string? Python, string? ToolchainEngine)
{
    private const string NodeFolder = ".tools/node";

    /// <summary>
    /// Sets the stage's toolchains up in <paramref name="checkout"/>; returns the variables the job's command gets.
    /// </summary>
    public async Task<IReadOnlyDictionary<string,
        string>> SetUpAsync(Stage stage, string checkout, TextWriter log, CancellationToken cancellation)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var toolchain in stage.Toolchains)
        {
            log.WriteLine(
                $"rehearsal: toolchain {toolchain.Name}: " +
                $"{await SetUpAsync(toolchain, checkout, variables, cancellation)}");
        }
        // GitHub's runner image has Compose v2 and buildx; here they are the clone's plugins
        // (scripts/install-docker-plugins.sh).
        if (stage.Runs.Contains(ToolUse.Compose) || stage.Runs.Contains(ToolUse.Buildx))
        {
            log.WriteLine(
                $"rehearsal: runner tools docker compose, docker buildx: {Link(checkout, DockerPlugins.ConfigFolder)}");
        }
        return variables;
    }

    private async Task<string> SetUpAsync(Toolchain toolchain, string checkout, Dictionary<string, string> variables,
        CancellationToken cancellation)
    {
        switch (toolchain)
        {
            case NodeToolchain node:
                return LinkNode(checkout) + $" (setup-node {node.Version}; the stage runs npm ci itself)";
            case PythonToolchain:
                if (Python is null)
                {
                    return "no Python at CI's versions on this machine: the job's preflight names what is missing";
                }
                variables[EnvVars.Python] = Python;
                if (ToolchainEngine is not null)
                {
                    variables[PythonToolchainImage.EngineVariable] = ToolchainEngine;
                }
                var ruff =
                    await RunAsync(checkout,
                    $"{Path.Combine(Repository, NodeFolder, "bin", "npm")} ci --prefix tools/ruff-wasm " +
                    $"--no-audit --no-fund", cancellation);
                return $"{Python} (pip install -r: CI's pins); {LinkNode(checkout)}; ruff's WebAssembly build: {ruff}";
            case PlaywrightToolchain:
                return LinkNode(
                    checkout) + "; the browser: this machine's chromium, which the host finds (npx playwright " +
                    "install on GitHub)";
            case KubernetesToolchain kubernetes:
                return await RunAsync(checkout, $"bash {DeployTools.InstallScript}",
                    cancellation) + $" (helm {kubernetes.Tools.Helm}, kubectl {kubernetes.Tools.Kubectl})";
            case ScriptToolchain script:
                LinkNode(checkout);
                return await RunAsync(checkout, script.Command, cancellation);
            default:
                return $"not set up here ({toolchain.Name} has no local equivalent): the job runs without it, as a " +
                    $"runner without the step would";
        }
    }

    /// <summary>
    /// The clone's Node, linked as setup-node puts its tool-cache copy on PATH; the job's host puts it first.
    /// </summary>
    private string LinkNode(string checkout) => Link(checkout, NodeFolder);

    private string Link(string checkout, string folder)
    {
        var source = Path.Combine(Repository, folder);
        var target = Path.Combine(checkout, folder);
        if (!Directory.Exists(source))
        {
            return $"no {folder} in {Repository} (run scripts/setup-machine.sh)";
        }
        if (!Directory.Exists(target))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            Directory.CreateSymbolicLink(target, source);
        }
        return $"{folder} from {source}";
    }

    private async Task<string> RunAsync(string checkout, string command, CancellationToken cancellation)
    {
        var nodeBin = Path.Combine(Repository, NodeFolder, "bin");
        var path = $"{nodeBin}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}";
        var info =
            Processes.Info("bash", ["-c", command], checkout, new Dictionary<string, string> { ["PATH"] = path });
        await Processes.RunAsync(info, $"the toolchain step '{command}' failed in {checkout}", cancellation);
        return $"'{command}' done";
    }
}
