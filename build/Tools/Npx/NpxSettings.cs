namespace Build.Tools.Npx;

/// <summary><c>npx --no-install &lt;command&gt; [args]</c>: runs a binary from the project's node_modules, never downloads one.</summary>
public sealed class NpxSettings : PipelineToolSettings
{
    /// <summary>The package binary, e.g. <c>playwright</c>, <c>eslint</c>, <c>prettier</c>. Required.</summary>
    public string Command { get; init; } = "";

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary><c>--no-install</c>: fail instead of fetching a missing package (a typo must not download code).</summary>
    public bool NoInstall { get; init; } = true;
}
