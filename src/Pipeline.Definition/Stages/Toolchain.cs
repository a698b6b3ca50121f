using System.Collections.Immutable;

namespace Pipeline.Definition.Stages;

/// <summary>
/// A toolchain a stage's job sets up before the host runs. Paths are relative to the app root.
/// The set is closed: each one knows its setup action and the lock files its cache is keyed on.
/// </summary>
public abstract record Toolchain(string Name)
{
    /// <summary>The tools (and versions) the job has once this toolchain is set up.</summary>
    public abstract ImmutableArray<ToolUse> Provides { get; }

    /// <summary>Python with the given requirement files installed; pip's cache keyed on them. No files: the interpreter alone.</summary>
    public static Toolchain Python(string version, params string[] requirementFiles) =>
        new PythonToolchain(version, [.. requirementFiles]);

    /// <summary>
    /// Node.js; npm's cache keyed on the given lock files, which the host installs with <c>npm ci</c>.
    /// No lock files: a stage that installs nothing, so its job neither restores nor saves npm's cache.
    /// </summary>
    public static Toolchain Node(string version, params string[] lockFiles) => new NodeToolchain(version, [.. lockFiles]);

    /// <summary>Playwright's browser for the E2E project in the given folder; cached by that folder's lock file.</summary>
    public static Toolchain Playwright(string projectFolder) => new PlaywrightToolchain(projectFolder);

    /// <summary>helm and kubectl at the pinned versions, installed by <c>scripts/install-helm.sh</c> like on a developer's machine.</summary>
    public static Toolchain Kubernetes(DeployTools tools) => new KubernetesToolchain(tools);

    /// <summary>
    /// A tool the repository's own install step puts where its tests look for it (e.g. helm into .tools/bin), for a
    /// job that runs those tests. <paramref name="command"/> runs from the repository root.
    /// </summary>
    public static Toolchain Script(string name, string command) => new ScriptToolchain(name, command);

    /// <summary>The Trivy scanner at an exact version (its vulnerability database is downloaded by the scan).</summary>
    public static Toolchain Trivy(string version) => new TrivyToolchain(version);
}

public sealed record PythonToolchain(string Version, ImmutableArray<string> RequirementFiles) : Toolchain("python")
{
    public override ImmutableArray<ToolUse> Provides => [ToolUse.Python(Version), new("pip")];
}

public sealed record NodeToolchain(string Version, ImmutableArray<string> LockFiles) : Toolchain("node")
{
    public bool FillsNpmCache => !LockFiles.IsEmpty;

    public override ImmutableArray<ToolUse> Provides => [ToolUse.Node(Version), new("npm")];
}

public sealed record PlaywrightToolchain(string ProjectFolder) : Toolchain("playwright")
{
    public override ImmutableArray<ToolUse> Provides => [new("playwright"), new("chromium")];
}

public sealed record KubernetesToolchain(DeployTools Tools) : Toolchain("kubernetes")
{
    public override ImmutableArray<ToolUse> Provides => [new("helm", Tools.Helm), new("kubectl", Tools.Kubectl)];
}

public sealed record TrivyToolchain(string Version) : Toolchain("trivy")
{
    public override ImmutableArray<ToolUse> Provides => [new("trivy", Version)];
}

public sealed record ScriptToolchain(string Tool, string Command) : Toolchain(Tool)
{
    public override ImmutableArray<ToolUse> Provides => [new(Tool)];
}
