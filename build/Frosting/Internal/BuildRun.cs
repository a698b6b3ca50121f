namespace Build.Frosting.Internal;

/// <summary>One execution of the chosen targets: container, engine, Cake's run, summary, exit code.</summary>
internal sealed class BuildRun(HostSettings settings, RunServices run, TaskCatalog catalog, TaskGraph graph)
{
    public const int Interrupted = 130;

    private readonly RunJournal _journal = new();

    public async Task<int> ExecuteAsync()
    {
        await using var services = ServiceRegistration.Create(run, settings).AddSingleton(_journal).BuildServiceProvider();
        if (!TryCreate(services, out var context, out var tasks, out var error))
        {
            return ErrorWriter.Fail(run.Console, error);
        }

        var github = GitHubActionsReporter.Create(run.Environment, services.GetRequiredService<IFileSystem>(), run.Console, _journal);
        var engine = BuildEngine(services, context, tasks, github);
        var printer = services.GetRequiredService<ICakeReportPrinter>();
        var strategy = new HostExecutionStrategy(new DefaultExecutionStrategy(run.Log, printer), run.Interruption, _journal, run.Log);
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
        var creating = $"the context '{settings.ContextType.Name}'";
        try
        {
            context = (ICakeContext)services.GetRequiredService(settings.ContextType);
            foreach (var task in catalog.Tasks)
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
        var engine = new CakeEngine(run.Data, run.Log);
        var targets = run.Options.Targets.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wiring = new TaskWiring(context, _journal, targets, run.Log);
        foreach (var descriptor in catalog.Tasks)
        {
            var cakeTask = (CakeTask)engine.RegisterTask(descriptor.Name).Task;
            cakeTask.Description = descriptor.Description;
            foreach (var dependency in graph.DependenciesOf(descriptor.Name))
            {
                cakeTask.AddDependency(dependency);
            }

            wiring.Attach(cakeTask, descriptor, tasks[descriptor.Name]);
        }

        new LifetimeWiring(context, _journal, run.Log, github).Attach(engine, services, settings);
        if (github is not null)
        {
            engine.AfterTaskTeardown += (_, e) => github.TaskFinished(e.TaskTeardownContext);
        }

        return engine;
    }

    private async Task<(CakeReport? Report, Exception? Failure)> RunEngineAsync(CakeEngine engine, ICakeContext context, IExecutionStrategy strategy)
    {
        var execution = new ExecutionSettings().SetTargets(run.Options.Targets);
        if (run.Options.Exclusive)
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
        if (run.Interruption.IsInterrupted)
        {
            ErrorWriter.Fail(run.Console, "Interrupted.");
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

        var message = run.Log.Verbosity == Verbosity.Diagnostic ? failure.ToString() : failure.Message;
        return ErrorWriter.Fail(run.Console, message);
    }
}
