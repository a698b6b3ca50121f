namespace Build.Tools.Npx;

[CakeAliasCategory("Npx")]
public static class NpxAliases
{
    /// <summary><c>npx --no-install &lt;command&gt; [args]</c>, e.g. <c>playwright test</c>, <c>eslint .</c>, <c>prettier --check .</c>.</summary>
    [CakeMethodAlias]
    public static ToolResult Npx(this ICakeContext context, NpxSettings settings) => new NpxRunner(context).Run(settings);
}

/// <summary>The npx CLI, for project-local binaries (playwright, eslint, prettier).</summary>
public sealed class NpxRunner(ICakeContext context) : CheckedTool<NpxSettings>(context, NpxSettings.Spec)
{
    /// <summary><c>--no-install</c> always: a missing package (a typo) must fail, not download code.</summary>
    public ToolResult Run(NpxSettings settings) => Execute(settings, Command("--no-install")
        .AppendValue(Require.Value(settings.Command, "NpxSettings.Command", "playwright"))
        .AppendValues(settings.Arguments));
}

/// <summary><c>npx --no-install &lt;command&gt; [args]</c>: runs a binary from the project's node_modules, never downloads one.</summary>
public sealed class NpxSettings : CheckedToolSettings
{
    public static readonly ToolSpec<NpxSettings> Spec = new(
        "npx",
        "install Node.js 24 with npm, which provides npx (scripts/setup-machine.sh puts it in .tools/node; actions/setup-node on GitHub)",
        ["npx", "npx.cmd"],
        context => new NpxRunner(context));

    /// <summary>The package binary, e.g. <c>playwright</c>, <c>eslint</c>, <c>prettier</c>. Required.</summary>
    public string Command { get; init; } = "";

    public IReadOnlyList<string> Arguments { get; init; } = [];
}
