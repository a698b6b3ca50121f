namespace Build.Frosting.Additions;

/// <summary>
/// Under --dryrun: prints the command line (secrets redacted) instead of starting the process.
/// Silent processes are read-only probes (is a tool installed?) and run for real, so the plan reports missing tools
/// truly.
/// </summary>
public sealed class DryRunProcessRunner(ICakeLog log, IProcessRunner probes) : IProcessRunner
{
    public IProcess Start(FilePath filePath, ProcessSettings settings)
    {
        if (settings.Silent)
        {
            return probes.Start(filePath, settings);
        }

        var arguments = settings.Arguments?.RenderSafe() ?? string.Empty;
        var line = $"[dry-run] {filePath.FullPath} {arguments}".TrimEnd();
        if (settings.WorkingDirectory is { } directory)
        {
            line += $" (in {directory.FullPath})";
        }

        // Minimal, not Normal: the printed commands are the whole point of a dry run.
        log.Write(Verbosity.Minimal, LogLevel.Information, "{0}", line);
        return new NotStarted();
    }

    /// <summary>What a dry run returns instead of a started process: exited, exit code 0, no output.</summary>
    private sealed class NotStarted : IProcess
    {
        public void WaitForExit()
        {
        }

        public bool WaitForExit(int milliseconds) => true;

        public int GetExitCode() => 0;

        public IEnumerable<string> GetStandardError() => [];

        public IEnumerable<string> GetStandardOutput() => [];

        public void Kill()
        {
        }

        public void Dispose()
        {
        }
    }
}
