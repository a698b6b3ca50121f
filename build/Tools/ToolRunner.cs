namespace Build.Tools;

/// <summary>
/// The one runner of every tool, whose aliases build the arguments (the Cake.Docker shape).
/// Cake's <see cref="Tool{TSettings}"/> with the checks the pipeline puts around every call: a side-effect-free
/// presence check from the tool's <see cref="ToolSpec{TSettings}"/> (the stage preflight), captured output, an
/// exit-code policy per call, standard input for secrets, and a plan line for a tool a dry run lacks.
/// </summary>
public class ToolRunner<TSettings> : Tool<TSettings> where TSettings : ToolRunnerSettings, new()
{
    private const int StderrLinesInError = 10;

    private readonly ToolSpec<TSettings> _spec;
    private readonly ProcessRunnerSwitch _processes;

    public ToolRunner(ICakeContext context, ToolSpec<TSettings> spec)
        : this(context, spec, new ProcessRunnerSwitch(context))
    {
    }

    private ToolRunner(ICakeContext context, ToolSpec<TSettings> spec, ProcessRunnerSwitch processes)
        : base(context.FileSystem, context.Environment, processes, context.Tools)
    {
        Context = context;
        _spec = spec;
        _processes = processes;
    }

    protected ICakeContext Context { get; }

    /// <summary>The host's runner: under --dryrun it prints commands and runs only silent probes.</summary>
    protected IProcessRunner ProcessRunner => Context.ProcessRunner;

    public virtual bool IsAvailable(TSettings settings) => Locate(settings) is not null;

    protected override string GetToolName() => _spec.Name;

    protected override IEnumerable<string> GetToolExecutableNames() => _spec.Executables;

    protected sealed override IDictionary<string, string> GetEnvironmentVariables(TSettings settings)
    {
        var variables = new SortedDictionary<string,
            string>(settings.EnvironmentVariables ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        settings.AddEnvironmentVariables(variables, Context.Environment);
        return variables;
    }

    public ToolResult Run(TSettings settings, ProcessArgumentBuilder arguments, ToolInvocation? invocation = null)
    {
        invocation ??= ToolInvocation.Default;
        if (ProcessRunner is DryRunProcessRunner && Locate(settings) is null)
        {
            // A plan still shows the command of a tool this machine lacks (the preflight has warned about it).
            var where = settings.WorkingDirectory is { } directory
                ? $" (in {directory.MakeAbsolute(Context.Environment).FullPath})" : string.Empty;
            Context.Log.Write(Verbosity.Minimal, LogLevel.Information, "{0}",
                $"[dry-run] {GetToolExecutableNames().First()} {arguments.RenderSafe()}{where}");
            return new ToolResult(0, [], []);
        }

        _processes.Untracked = settings.Teardown && ProcessRunner is not DryRunProcessRunner;
        var processSettings = CreateProcessSettings(invocation);
        using var process = RunProcess(settings, arguments, processSettings);
        WaitForExit(settings, process);
        var output = invocation.CaptureOutput ? process.GetStandardOutput().ToList() : [];
        var error = invocation.CaptureError ? process.GetStandardError().ToList() : [];
        settings.PostAction?.Invoke(process);
        var result = new ToolResult(process.GetExitCode(), output, error);
        ThrowIfFailed(settings, invocation, result, processSettings.Arguments);
        return result;
    }

    private FilePath? Locate(TSettings settings)
    {
        var path = GetToolPath(settings);
        return path is not null && Context.FileSystem.Exist(path) ? path : null;
    }

    private ProcessSettings CreateProcessSettings(ToolInvocation invocation)
    {
        var processSettings = new ProcessSettings
        {
            RedirectStandardOutput = invocation.CaptureOutput,
            RedirectStandardError = invocation.CaptureError,
            Silent = invocation.Silent,
        };
        if (invocation.StandardInput is not null)
        {
            // Cake's implicit conversion to ProcessStandardInput rejects null.
            processSettings.StandardInput = invocation.StandardInput;
        }
        if (invocation.EchoCaptured)
        {
            // The handler runs after RunProcess has set Arguments, so secrets in echoed lines are filtered.
            Func<string, string> echo = line =>
            {
                if (line is not null)
                {
                    Context.Log.Write(Verbosity.Normal, LogLevel.Information, "{0}",
                        processSettings.Arguments?.FilterUnsafe(line) ?? line);
                }
                return line!;
            };
            processSettings.RedirectedStandardOutputHandler = echo;
            processSettings.RedirectedStandardErrorHandler = echo;
        }
        return processSettings;
    }

    private void WaitForExit(TSettings settings, IProcess process)
    {
        if (settings.ToolTimeout is not { } timeout)
        {
            process.WaitForExit();
            return;
        }
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill();
            throw new TimeoutException(
                string.Format(CultureInfo.InvariantCulture,
                "{0}: no exit after {1} (ToolTimeout); the process was killed.", GetToolName(), timeout));
        }
        // The timed wait returns at exit, before redirected output is drained; the untimed wait drains it.
        process.WaitForExit();
    }

    private void ThrowIfFailed(TSettings settings, ToolInvocation invocation, ToolResult result,
        ProcessArgumentBuilder? arguments)
    {
        var shouldThrow = invocation.ThrowOnNonZeroExit ?? settings.ThrowOnNonZeroExit;
        if (result.Succeeded || !shouldThrow || settings.HandleExitCode?.Invoke(result.ExitCode) == true)
        {
            return;
        }
        var command = $"{GetToolPath(settings)?.GetFilename().FullPath} {arguments?.RenderSafe()}".Trim();
        var message = $"{GetToolName()}: process returned exit code {result.ExitCode} ({command}).";
        var stderrTail =
            result.StandardError.TakeLast(StderrLinesInError).Select(
            line => arguments?.FilterUnsafe(line) ?? line).ToList();
        if (stderrTail.Count > 0)
        {
            message += "\n" + string.Join('\n', stderrTail);
        }
        throw new CakeException(result.ExitCode, message);
    }

    /// <summary>
    /// Starts through the host's runner, or, for a <see cref="ToolRunnerSettings.Teardown"/> call, through an untracked
    /// one.
    /// </summary>
    private sealed class ProcessRunnerSwitch(ICakeContext context) : IProcessRunner
    {
        public bool Untracked { get; set; }

        public IProcess Start(FilePath filePath, ProcessSettings settings) => Untracked
            ? new ProcessRunner(context.FileSystem, context.Environment, context.Log, context.Tools,
                context.Configuration).Start(filePath, settings)
            : context.ProcessRunner.Start(filePath, settings);
    }
}
