namespace Build.Tools.Npm;

/// <summary>
/// Settings of an <c>npm</c> call (set <see cref="Cake.Core.Tooling.ToolSettings.WorkingDirectory"/> to the package's
/// folder).
/// </summary>
public class NpmSettings : ToolRunnerSettings
{
    public static readonly ToolSpec<NpmSettings> Spec = new(
        "npm",
        "install Node.js 24 with npm (scripts/setup-machine.sh puts it in .tools/node; actions/setup-node on GitHub)",
        ["npm", "npm.cmd"]);
}

/// <summary>
/// <c>npx --no-install &lt;command&gt; [args]</c>: runs a binary from the project's node_modules, never downloads one.
/// </summary>
public sealed class NpxSettings : ToolRunnerSettings
{
    public static readonly ToolSpec<NpxSettings> Spec = new(
        "npx",
        "install Node.js 24 with npm, which provides npx (scripts/setup-machine.sh puts it in .tools/node; " +
            "actions/setup-node on GitHub)",
        ["npx", "npx.cmd"]);

    /// <summary>The package binary, e.g. <c>playwright</c>, <c>eslint</c>, <c>prettier</c>. Required.</summary>
    public string Command { get; init; } = "";

    public IReadOnlyList<string> Arguments { get; init; } = [];
}

public sealed class NpmRunSettings : NpmSettings
{
    public string Script { get; init; } = "";

    /// <summary>Passed to the script after <c>--</c>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}

/// <summary>Values of <c>npm audit --audit-level</c>: the lowest severity that fails the audit.</summary>
public enum NpmAuditLevel
{
    Info,
    Low,
    Moderate,
    High,
    Critical,
}
