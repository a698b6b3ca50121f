using System.Security.Cryptography;

namespace Build.Toolchains;

/// <summary>
/// The backend's toolchain image (backend/Dockerfile.toolchain: Debian trixie's Python 3.13 and the python3-* packages
/// the requirement files are pinned to) and the <c>python3</c> the host runs in it: a script that starts the image with
/// the clone mounted at its own path, so every path the stages pass means the same inside. The tag is a hash of the
/// Dockerfile and the requirement files: the image is built once and again only when one of them changes.
/// </summary>
public sealed class PythonToolchainImage(DirectoryPath repoRoot, DirectoryPath backend)
{
    public const string Dockerfile = "Dockerfile.toolchain";
    public const string Repository = "sovd-toolchain-python";

    /// <summary>
    /// Variables the stages hand to Python (ruff's PYTHONPATH, coverage's file, the integration tests' URL and token).
    /// </summary>
    public static readonly IReadOnlyList<string> PassedVariables =
        ["PYTHONPATH", "COVERAGE_FILE", "MYPY_CACHE_DIR", "API_BASE_URL", "API_TOKEN"];

    private static readonly string[] Inputs = [Dockerfile, "requirements.txt", "requirements-dev.txt"];

    public string Tag => $"{Repository}:{Hash()}";

    /// <summary>The script the host runs as the interpreter: .build/toolchains/python-&lt;hash&gt;/python3.</summary>
    public FilePath Interpreter =>
        repoRoot.Combine($".build/toolchains/python-{Hash()}").CombineWithFilePath("python3");

    /// <summary>Builds the image unless the engine has this tag; says which.</summary>
    public void EnsureBuilt(BuildContext context)
    {
        if (context.DockerImageExists(Tag))
        {
            context.Information("{0}", $"Toolchain image {Tag}: in the engine (its inputs are unchanged)");
            return;
        }
        var dockerfile = backend.CombineWithFilePath(Dockerfile);
        var missing =
            LocalImages.BaseImagesOf(dockerfile.FullPath).Where(image => !context.DockerImageExists(image)).ToList();
        if (missing.Count > 0)
        {
            throw new CakeException(
                $"Base image(s) {string.Join(", ", missing)} of {dockerfile.FullPath} not in the engine: run " +
                "scripts/container-engine.sh base-image (it makes debian:trixie-slim with mmdebstrap), or docker " +
                    "pull it where Docker Hub is reachable.");
        }
        var watch = Stopwatch.StartNew();
        context.Information("{0}",
            $"Toolchain image {Tag}: building from {dockerfile.FullPath} (inputs changed or first run)");
        context.DockerBuild(new DockerBuildSettings { Context = backend, Dockerfile = dockerfile, Tags = [Tag] });
        context.Information("{0}", $"Toolchain image {Tag}: built in {watch.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>Writes the interpreter script (the same content for the same tag and clone).</summary>
    public FilePath WriteInterpreter()
    {
        var path = Interpreter.FullPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var script = Script(Tag);
        if (!OperatingSystem.IsWindows() && (!File.Exists(path) || File.ReadAllText(path) != script))
        {
            File.WriteAllText(path, script);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }
        return Interpreter;
    }

    /// <summary>
    /// The engine that runs toolchain images when it is not DOCKER_HOST (an isolated job's own engine has none).
    /// </summary>
    public const string EngineVariable = "PIPELINE_TOOLCHAIN_DOCKER_HOST";

    // The clone or job checkout is the git top level of the working directory, mounted at its own path; the Node it
    // uses (for ruff's WebAssembly build) is mounted where its link points. --network host: the integration tests
    // reach the stack on 127.0.0.1. -e NAME without a value hands the variable over from this script's environment,
    // so a token never appears on a command line.
    private static string Script(string tag) =>
        "#!/bin/sh\n" +
        $"# python3 of the toolchain image {tag}, written by the build host " +
            $"(build/Toolchains/PythonToolchainImage.cs).\n" +
        "root=\"$(git rev-parse --show-toplevel 2>/dev/null || pwd)\"\n" +
        $"node=\"$(readlink -f \"$root/{NodeRuntime.ToolsFolder}/..\" 2>/dev/null)\"\n" +
        "# Without the clone's Node nothing is mounted for it (docker would create the missing folder as root).\n" +
        "if [ -n \"$node\" ] && [ -d \"$node\" ]; then\n" +
        $"  set -- -v \"$node:$node:ro\" -e PATH=\"$node/bin:/usr/local/bin:/usr/bin:/bin\" '{tag}' python3 \"$@\"\n" +
        "else\n" +
        $"  set -- '{tag}' python3 \"$@\"\n" +
        "fi\n" +
        $"DOCKER_HOST=\"${{{EngineVariable}:-${{DOCKER_HOST:-unix:///var/run/docker.sock}}}}\" \\\n" +
        "exec docker run --rm -i --network host --user \"$(id -u):$(id -g)\" -e HOME=/tmp -v \"$root:$root\" " +
            "-w \"$PWD\" \\\n" +
        $"  {string.Join(' ', PassedVariables.Select(name => $"-e {name}"))} \"$@\"\n";

    private string Hash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var input in Inputs)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(input + "\n"));
            sha.AppendData(File.ReadAllBytes(backend.CombineWithFilePath(input).FullPath));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }
}
