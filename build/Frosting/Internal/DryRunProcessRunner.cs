using Cake.Core.IO;

namespace Build.Frosting.Internal;

/// <summary>
/// Under --dryrun: prints the command line (secrets redacted) instead of starting the process.
/// Silent processes are read-only probes (is a tool installed?) and run for real, so the plan reports missing tools truly.
/// </summary>
internal sealed class DryRunProcessRunner : IDryRunProcessRunner
{
    private readonly ICakeLog _log;
    private readonly IProcessRunner _probes;

    public DryRunProcessRunner(ICakeLog log, IProcessRunner probes)
    {
        _log = log;
        _probes = probes;
    }

    public IProcess Start(FilePath filePath, ProcessSettings settings)
    {
        if (settings.Silent)
        {
            return _probes.Start(filePath, settings);
        }

        var arguments = settings.Arguments?.RenderSafe() ?? string.Empty;
        var line = $"[dry-run] {filePath.FullPath} {arguments}".TrimEnd();
        if (settings.WorkingDirectory is { } directory)
        {
            line += $" (in {directory.FullPath})";
        }

        // Minimal, not Normal: the printed commands are the whole point of a dry run.
        _log.Write(Verbosity.Minimal, LogLevel.Information, "{0}", line);
        return new DryRunProcess();
    }
}
