using Cake.Core.Diagnostics;
using Cake.Core.IO;

namespace Build.Frosting.Internal;

/// <summary>Under --dryrun: prints the command line (secrets redacted) instead of starting the process.</summary>
internal sealed class DryRunProcessRunner : IProcessRunner
{
    private readonly ICakeLog _log;

    public DryRunProcessRunner(ICakeLog log)
    {
        _log = log;
    }

    public IProcess Start(FilePath filePath, ProcessSettings settings)
    {
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
