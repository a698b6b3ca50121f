namespace Build.Tools.Npm;

/// <summary><c>npm ci</c>: a clean install exactly as the lock file says.</summary>
public sealed class NpmCiSettings : NpmSettings
{
    /// <summary><c>--no-audit</c>: auditing is its own stage.</summary>
    public bool NoAudit { get; init; } = true;

    /// <summary><c>--no-fund</c>.</summary>
    public bool NoFund { get; init; } = true;

    /// <summary><c>--prefer-offline</c>: use the npm cache before the network.</summary>
    public bool PreferOffline { get; init; }

    /// <summary><c>--ignore-scripts</c>: do not run packages' install scripts.</summary>
    public bool IgnoreScripts { get; init; }
}
