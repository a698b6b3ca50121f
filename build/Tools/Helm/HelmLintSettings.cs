using Cake.Core.IO;

namespace Build.Tools.Helm;

/// <summary><c>helm lint &lt;chart&gt;</c>. Does not throw by default (a linter).</summary>
public sealed class HelmLintSettings : HelmSettings
{
    public HelmLintSettings()
    {
        ThrowOnNonZeroExit = false;
    }

    public DirectoryPath? Chart { get; init; }

    /// <summary><c>--strict</c>: warnings fail the lint.</summary>
    public bool Strict { get; init; }

    /// <summary><c>-f &lt;file&gt;</c> each.</summary>
    public IReadOnlyList<FilePath> ValuesFiles { get; init; } = [];

    /// <summary><c>--set key=value</c> each, ordered by key.</summary>
    public IReadOnlyDictionary<string, string> SetValues { get; init; } = new Dictionary<string, string>();
}
