namespace Build.Tools.Npm;

/// <summary><c>npm run &lt;script&gt; [-- args]</c>.</summary>
public sealed class NpmRunSettings : NpmSettings
{
    /// <summary>The package.json script. Required.</summary>
    public string Script { get; init; } = "";

    /// <summary>Passed to the script after <c>--</c>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary><c>--if-present</c>: succeed when the script is not defined.</summary>
    public bool IfPresent { get; init; }
}
