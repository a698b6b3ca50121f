using System.Collections.Immutable;

namespace Pipeline.Definition.Stages;

/// <summary>
/// A tool a stage's commands (or its tests) run, with the version that decides the result; null when any version the
/// runner has will do. Validation checks that the stage's job sets up every versioned one (see <see cref="Toolchain.Provides"/>).
/// </summary>
public sealed record ToolUse(string Tool, string? Version = null)
{
    /// <summary>
    /// Tools GitHub's ubuntu-24.04 image has and the jobs may use at whatever version it carries: nothing they decide
    /// depends on the version (the team's reading of actions/runner-images Ubuntu2404-Readme.md, see README "Tests on GitHub").
    /// .NET is set up by every job's own setup-dotnet step from global.json.
    /// </summary>
    public static readonly ImmutableArray<string> RunnerTools =
        ["dotnet", "docker", "docker compose", "docker buildx", "git", "shellcheck", "yamllint"];

    /// <summary>The runtimes the build host itself runs (its preflights, npm scripts, interpreters): their versions always matter.</summary>
    public static readonly ImmutableArray<string> Runtimes = ["node", "python"];

    public static ToolUse Node(string major) => new("node", major);

    public static ToolUse Python(string version) => new("python", version);

    public static ToolUse Docker { get; } = new("docker");

    public static ToolUse Compose { get; } = new("docker compose");

    public static ToolUse Buildx { get; } = new("docker buildx");

    public bool IsRuntime => Runtimes.Contains(Tool);

    public override string ToString() => Version is null ? Tool : $"{Tool} {Version}";
}
