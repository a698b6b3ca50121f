using Cake.Core.IO;

namespace Build.Tools.Trivy;

/// <summary>Options shared by trivy scans. Does not throw by default: read <see cref="TrivyScanResult.Outcome"/>.</summary>
public class TrivySettings : PipelineToolSettings
{
    public TrivySettings()
    {
        ThrowOnNonZeroExit = false;
    }

    /// <summary><c>--cache-dir &lt;dir&gt;</c>: where the vulnerability database is kept between runs.</summary>
    public DirectoryPath? CacheDirectory { get; init; }
}
