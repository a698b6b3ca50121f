using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools;

/// <summary>
/// Base of every wrapper: Cake's <see cref="Tool{TSettings}"/> plus captured output, a per-call exit-code policy,
/// standard input for secrets, and a side-effect-free <see cref="Locate"/>.
/// </summary>
public abstract class PipelineTool<TSettings> : Tool<TSettings> where TSettings : PipelineToolSettings
{
    private const int StderrLinesInError = 10;

    protected PipelineTool(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools)
    {
        FileSystem = fileSystem;
        Environment = environment;
        ProcessRunner = processRunner;
        Tools = tools;
        Log = log;
    }

    protected IFileSystem FileSystem { get; }

    protected ICakeEnvironment Environment { get; }

    protected IProcessRunner ProcessRunner { get; }

    protected IToolLocator Tools { get; }

    protected ICakeLog Log { get; }

    /// <summary>The executable this wrapper would start, or <c>null</c>; starts nothing.</summary>
    public FilePath? Locate(TSettings settings)
    {
        var path = GetToolPath(settings);
        return path is not null && FileSystem.Exist(path) ? path : null;
    }

    public virtual bool IsAvailable(TSettings settings) => Locate(settings) is not null;

    /// <summary>Tool-specific variables (KUBECONFIG, DOCKER_BUILDKIT…) added over the caller's own.</summary>
    protected virtual void AddEnvironmentVariables(TSettings settings, IDictionary<string, string> variables)
    {
    }

    protected sealed override IDictionary<string, string> GetEnvironmentVariables(TSettings settings)
    {
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in settings.EnvironmentVariables ?? new Dictionary<string, string>())
        {
            variables[pair.Key] = pair.Value;
        }
        AddEnvironmentVariables(settings, variables);
        return variables;
    }

    protected ToolResult Execute(TSettings settings, ProcessArgumentBuilder arguments, ToolInvocation? invocation = null)
    {
        invocation ??= ToolInvocation.Default;
        if (ProcessRunner is IDryRunProcessRunner && Locate(settings) is null)
        {
            // A plan still shows the command of a tool this machine lacks (the preflight has warned about it).
            var where = settings.WorkingDirectory is { } directory ? $" (in {directory.MakeAbsolute(Environment).FullPath})" : string.Empty;
            Log.Write(Verbosity.Minimal, LogLevel.Information, "{0}", $"[dry-run] {GetToolExecutableNames().First()} {arguments.RenderSafe()}{where}");
            return new ToolResult(0, [], []);
        }

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
            processSettings.StandardInput = invocation.StandardInput;
        }
        if (invocation.EchoCaptured)
        {
            // The handler runs after RunProcess has set Arguments, so secrets in echoed lines are filtered.
            Func<string, string> echo = line =>
            {
                if (line is not null)
                {
                    Log.Write(Verbosity.Normal, LogLevel.Information, "{0}", processSettings.Arguments?.FilterUnsafe(line) ?? line);
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
            throw new TimeoutException(string.Format(CultureInfo.InvariantCulture, "{0}: no exit after {1} (ToolTimeout); the process was killed.", GetToolName(), timeout));
        }
        // The timed wait returns at exit, before redirected output is drained; the untimed wait drains it.
        process.WaitForExit();
    }

    private void ThrowIfFailed(TSettings settings, ToolInvocation invocation, ToolResult result, ProcessArgumentBuilder? arguments)
    {
        var shouldThrow = invocation.ThrowOnNonZeroExit ?? settings.ThrowOnNonZeroExit;
        if (result.Succeeded || !shouldThrow || settings.HandleExitCode?.Invoke(result.ExitCode) == true)
        {
            return;
        }
        var command = $"{GetToolPath(settings)?.GetFilename().FullPath} {arguments?.RenderSafe()}".Trim();
        var message = $"{GetToolName()}: process returned exit code {result.ExitCode} ({command}).";
        var stderrTail = result.StandardError.TakeLast(StderrLinesInError).Select(line => arguments?.FilterUnsafe(line) ?? line).ToList();
        if (stderrTail.Count > 0)
        {
            message += "\n" + string.Join('\n', stderrTail);
        }
        throw new CakeException(result.ExitCode, message);
    }
}
