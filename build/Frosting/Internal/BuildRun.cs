using Cake.Core.IO;
using Microsoft.Extensions.DependencyInjection;


namespace Build.Frosting.Internal;

/// <summary>One execution of the chosen targets: container, engine, Cake's run, summary, exit code.</summary>
internal sealed class BuildRun
{
    public const int Interrupted = 130;

    private readonly HostSettings _settings;
    private readonly RunServices _run;
    private readonly TaskCatalog _catalog;
    private readonly TaskGraph _graph;
    private readonly RunJournal _journal = new();

    public BuildRun(HostSettings settings, RunServices run, TaskCatalog catalog, TaskGraph graph)
    {
        _settings = settings;
        _run = run;
        _catalog = catalog;
        _graph = graph;
    }

    public async Task<int> ExecuteAsync()
    {
        await using var services = ServiceRegistration.Create(_run, _settings).AddSingleton(_journal).BuildServiceProvider();
        if (!TryCreate(services, out var context, out var tasks, out var error))
        {
            return ErrorWriter.Fail(_run.Console, error);
        }

        var github = GitHubActionsReporter.Create(_run.Environment, services.GetRequiredService<IFileSystem>(), _run.Console, _journal);
        var engine = BuildEngine(services, context, tasks, github);
        var printer = services.GetRequiredService<ICakeReportPrinter>();
        var strategy = new HostExecutionStrategy(new DefaultExecutionStrategy(_run.Log, printer), _run.Interruption, _journal, _run.Log);
        var (report, failure) = await RunEngineAsync(engine, context, strategy).ConfigureAwait(false);
        if (report is { IsEmpty: false })
        {
            printer.Write(_journal.WithSkipReasons(report));
        }

        return Finish(failure, github);
    }

    private bool TryCreate(IServiceProvider services, out ICakeContext context, out Dictionary<string, IFrostingTask> tasks, out string error)
    {
        context = null!;
        tasks = new Dictionary<string, IFrostingTask>(StringComparer.OrdinalIgnoreCase);
        var creating = $"the context '{_settings.ContextType.Name}'";
        try
        {
            context = (ICakeContext)services.GetRequiredService(_settings.ContextType);
            foreach (var task in _catalog.Tasks)
            {
                creating = $"task '{task.Name}'";
                tasks[task.Name] = (IFrostingTask)ActivatorUtilities.CreateInstance(services, task.Type);
            }

            error = string.Empty;
            return true;
        }
        catch (Exception ex)
        {
            error = $"Could not create {creating}: {(ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner.Message : ex.Message)}";
            return false;
        }
    }

    private CakeEngine BuildEngine(IServiceProvider services, ICakeContext context, Dictionary<string, IFrostingTask> tasks, GitHubActionsReporter? github)
    {
        var engine = new CakeEngine(_run.Data, _run.Log);
        var targets = _run.Options.Targets.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wiring = new TaskWiring(context, _journal, targets, _run.Log);
        foreach (var descriptor in _catalog.Tasks)
        {
            var cakeTask = (CakeTask)engine.RegisterTask(descriptor.Name).Task;
            cakeTask.Description = descriptor.Description;
            foreach (var dependency in _graph.DependenciesOf(descriptor.Name))
            {
                cakeTask.AddDependency(dependency);
            }

            wiring.Attach(cakeTask, descriptor, tasks[descriptor.Name]);
        }

        new LifetimeWiring(context, _journal, _run.Log, github).Attach(engine, services, _settings);
        if (github is not null)
        {
            engine.AfterTaskTeardown += (_, e) => github.TaskFinished(e.TaskTeardownContext);
        }

        return engine;
    }

    private async Task<(CakeReport? Report, Exception? Failure)> RunEngineAsync(CakeEngine engine, ICakeContext context, IExecutionStrategy strategy)
    {
        var execution = new ExecutionSettings().SetTargets(_run.Options.Targets);
        if (_run.Options.Exclusive)
        {
            execution.UseExclusiveTarget();
        }

        try
        {
            var report = await engine.RunTargetAsync(context, strategy, execution).ConfigureAwait(false);
            return (report, _journal.TeardownFailure);
        }
        catch (CakeReportException ex)
        {
            return (ex.Report, ex.InnerException ?? ex);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }

    private int Finish(Exception? failure, GitHubActionsReporter? github)
    {
        if (_run.Interruption.IsInterrupted)
        {
            ErrorWriter.Fail(_run.Console, "Interrupted.");
            return Interrupted;
        }

        if (failure is null)
        {
            return 0;
        }

        if (github is not null && !_journal.FailureAnnotated)
        {
            github.Annotate("Build", failure);
        }

        var message = _run.Log.Verbosity == Verbosity.Diagnostic ? failure.ToString() : failure.Message;
        return ErrorWriter.Fail(_run.Console, message);
    }
}
