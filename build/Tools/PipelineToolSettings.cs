using Cake.Core.Tooling;

namespace Build.Tools;

/// <summary>Settings shared by every wrapper in <c>Build.Tools</c>.</summary>
public abstract class PipelineToolSettings : ToolSettings
{
    /// <summary>
    /// Whether a non-zero exit code throws. Linters default to <c>false</c> so a stage can run every linter
    /// and fail once at the end; deploy tools default to <c>true</c> (Cake's own default).
    /// </summary>
    public bool ThrowOnNonZeroExit { get; init; } = true;
}
