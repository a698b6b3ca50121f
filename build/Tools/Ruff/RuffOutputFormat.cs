namespace Build.Tools.Ruff;

/// <summary>Values of <c>ruff check --output-format</c>.</summary>
public enum RuffOutputFormat
{
    [WireName("concise")] Concise,
    [WireName("full")] Full,
    [WireName("json")] Json,
    /// <summary>GitHub workflow commands: findings show as annotations on the pull request.</summary>
    [WireName("github")] GitHub,
    [WireName("sarif")] Sarif,
}
