using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Trivy;

/// <summary>The trivy scanner (image scans).</summary>
public sealed class TrivyRunner : PipelineTool<TrivySettings>
{
    public const string InstallHint =
        "install trivy (https://trivy.dev, aquasecurity/setup-trivy on GitHub); it also needs network access to download its vulnerability database";

    public TrivyRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public TrivyRunner(ICakeContext context)
        : this(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log)
    {
    }

    public static ToolRequirement Requirement(TrivySettings? settings = null) =>
        new("trivy", InstallHint, context => new TrivyRunner(context).IsAvailable(settings ?? new TrivySettings()));

    protected override string GetToolName() => "trivy";

    protected override IEnumerable<string> GetToolExecutableNames() => ["trivy"];

    /// <summary>Scans an image. stderr is captured (and echoed) so a database failure is reported as such, never as a pass.</summary>
    public TrivyScanResult ScanImage(TrivyImageSettings settings)
    {
        var arguments = new ProcessArgumentBuilder();
        arguments.Append("image");
        if (settings.Severities.Count > 0)
        {
            arguments.AppendOption("--severity", string.Join(',', settings.Severities.Distinct().Select(severity => severity.ToWire())));
        }
        arguments.AppendOptionIfSet("--exit-code", settings.VulnerabilityExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AppendOptionIfSet("--format", settings.Format?.ToWire())
            .AppendPathOption("--output", settings.OutputFile, Environment)
            .AppendFlag("--ignore-unfixed", settings.IgnoreUnfixed)
            .AppendFlag("--skip-db-update", settings.SkipDbUpdate)
            .AppendOptionIfSet("--timeout", settings.Timeout is { } timeout ? GoDuration.Format(timeout) : null)
            .AppendPathOption("--cache-dir", settings.CacheDirectory, Environment)
            .AppendValue(Require.Value(settings.Image, "TrivyImageSettings.Image", "ghcr.io/owner/app:1.2.3"));
        var invocation = new ToolInvocation { CaptureError = true, EchoCaptured = true, ThrowOnNonZeroExit = false };
        var scan = TrivyOutcomeClassifier.Classify(Execute(settings, arguments, invocation), settings.VulnerabilityExitCode);
        if (!scan.Passed && settings.ThrowOnNonZeroExit)
        {
            throw new CakeException(scan.Result.ExitCode == 0 ? 1 : scan.Result.ExitCode, scan.Message ?? "trivy failed");
        }
        return scan;
    }
}
