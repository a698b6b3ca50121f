using Build.Tools.Python;

namespace Build.Tools.Ruff;

/// <summary><c>python -m ruff check</c>.</summary>
public sealed class RuffSettings : PythonModuleSettings
{
    /// <summary><c>--output-format=&lt;format&gt;</c>; unset keeps ruff's default.</summary>
    public RuffOutputFormat? OutputFormat { get; init; }
}

public enum RuffOutputFormat
{
    /// <summary>GitHub workflow commands: findings show as annotations on the pull request.</summary>
    [WireName("github")] GitHub,
}
