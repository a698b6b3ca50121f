namespace Build.Frosting.Internal;

/// <summary>
/// One execution of the chosen targets: container, tasks and lifetimes wired into Cake's engine, Cake's run,
/// summary, exit code. Unlike Cake.Frosting, a task's OnError does not swallow the failure: it is wired as Cake's
/// error *reporter*, so the failure still fails the run.
/// </summary>
internal sealed class BuildRun(Type contextType, TaskGraph graph, CakeHostOptions options, IConsole console,
    ICakeLog log, HostInterruption interruption)
{
    private readonly RunJournal _journal = new();

    private ICakeContext _context = null!;

    private GitHubActionsReporter? _github;

    private Exception? _teardownFailure;

    public async Task<int> ExecuteAsync(IServiceCollection registrations)
    {
        await using var services = registrations.AddSingleton(_journal).BuildServiceProvider();
        _github =
            GitHubActionsReporter.Create(services.GetRequiredService<ICakeEnvironment>(),
            services.GetRequiredService<IFileSystem>(), console, _journal);
        var engine = new CakeEngine(services.GetRequiredService<ICakeDataService>(), log);
        var creating = $"the context '{contextType.Name}'";
        try
        {
            _context = services.GetRequiredService<IFrostingContext>();
            foreach (var task in graph.Tasks)
            {
                creating = $"task '{task.Name}'";
                Register(engine, task, (IFrostingTask)ActivatorUtilities.CreateInstance(services, task.Type));
            }
        }
        catch (Exception ex)
        {
            var reason = ex is TargetInvocationException { InnerException: { } inner } ? inner.Message : ex.Message;
            return CommandLine.Fail(console, $"Could not create {creating}: {reason}");
        }

        RegisterLifetimes(engine, services);
        if (_github is { } github)
        {
            engine.AfterTaskTeardown += (_, e) => github.TaskFinished(e.TaskTeardownContext);
        }

        var printer = services.GetRequiredService<ICakeReportPrinter>();
        var (report, failure) =
            await RunEngineAsync(engine, new DefaultExecutionStrategy(log, printer)).ConfigureAwait(false);
        if (report is { IsEmpty: false })
        {
            printer.Write(_journal.WithSkipReasons(report));
        }

        return Finish(failure);
    }

    private void Register(CakeEngine engine, TaskDescriptor descriptor, IFrostingTask task) =>
        engine.RegisterTask(descriptor.Name)
            .Description(descriptor.Description)
            .IsDependentOn(graph.DependenciesOf(descriptor.Name))
            .Does(() => RunAsync(task))
            .WithCriteria(() => ShouldRun(descriptor.Name, task))
            .ReportError(ex => CallOnError(descriptor.Name, task, ex))
            .Finally(() => task.Finally(_context));

    private bool ShouldRun(string name, IFrostingTask task)
    {
        if (_journal.Decide(name, () => task.ShouldRun(_context), task.SkippedMessage))
        {
            return true;
        }

        var reason = _journal.SkipReason(name);
        if (options.Targets.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            // Cake fails a run whose target is skipped; say why instead of its generic criteria message.
            throw new CakeException(
                $"Could not reach target '{name}' since it was skipped: {reason ?? "ShouldRun returned false"}.");
        }

        // Cake logs a skip only at verbose level, and without our run-time reason.
        log.Information("Skipping task '{0}'{1}", name, reason is null ? "." : ": " + reason);
        return false;
    }

    /// <summary>
    /// A task running when the build is interrupted fails with "Interrupted", and none starts after it.
    /// </summary>
    private async Task RunAsync(IFrostingTask task)
    {
        interruption.ThrowIfInterrupted();
        try
        {
            await task.RunAsync(_context).ConfigureAwait(false);
        }
        catch (Exception ex) when (interruption.IsInterrupted && ex is not BuildInterruptedException)
        {
            throw new BuildInterruptedException(ex);
        }

        // A task whose killed child process it did not check still must not count as a success.
        interruption.ThrowIfInterrupted();
    }

    private void CallOnError(string name, IFrostingTask task, Exception exception)
    {
        try
        {
            task.OnError(exception, _context);
        }
        catch (Exception ex)
        {
            log.Error("OnError of task '{0}' failed too: {1}", name, ex.Message);
        }
    }

    /// <summary>
    /// A failing setup fails the run (Cake then runs no task but still the teardown); a failing teardown is logged
    /// and fails the exit code without losing the summary.
    /// </summary>
    private void RegisterLifetimes(CakeEngine engine, IServiceProvider services)
    {
        if (services.GetService<IFrostingLifetime>() is { } lifetime)
        {
            engine.RegisterSetupAction(info => Setup(lifetime, info));
            engine.RegisterTeardownAction(info => Teardown(lifetime, info));
        }

        if (services.GetService<IFrostingTaskLifetime>() is { } taskLifetime)
        {
            engine.RegisterTaskSetupAction(info => taskLifetime.Setup(_context, info));
            engine.RegisterTaskTeardownAction(info => taskLifetime.Teardown(_context, info));
        }
    }

    private void Setup(IFrostingLifetime lifetime, ISetupContext info)
    {
        try
        {
            lifetime.Setup(_context, info);
        }
        catch (Exception ex)
        {
            var failure = new CakeException($"Setup failed: {ex.Message}", ex);
            _github?.Annotate("Setup", failure);
            throw failure;
        }
    }

    private void Teardown(IFrostingLifetime lifetime, ITeardownContext info)
    {
        try
        {
            lifetime.Teardown(_context, info);
        }
        catch (Exception ex)
        {
            // Cake would rethrow here and lose the report; record it so the exit code still fails.
            _teardownFailure = ex;
            log.Error("Teardown failed: {0}", ex.Message);
            _github?.Annotate("Teardown", ex);
        }
    }

    private async Task<(CakeReport? Report, Exception? Failure)> RunEngineAsync(CakeEngine engine,
        IExecutionStrategy strategy)
    {
        var execution = new ExecutionSettings().SetTargets(options.Targets);
        if (options.Exclusive)
        {
            execution.UseExclusiveTarget();
        }

        try
        {
            var report = await engine.RunTargetAsync(_context, strategy, execution).ConfigureAwait(false);
            return (report, _teardownFailure);
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

    private int Finish(Exception? failure)
    {
        if (interruption.IsInterrupted)
        {
            // 130 = 128 + SIGINT: the exit code a shell reports for Ctrl+C.
            CommandLine.Fail(console, "Interrupted.");
            return 130;
        }

        if (failure is null)
        {
            return 0;
        }

        if (_github is { FailureAnnotated: false } github)
        {
            github.Annotate("Build", failure);
        }

        return CommandLine.Fail(console, log.Verbosity == Verbosity.Diagnostic ? failure.ToString() : failure.Message);
    }
}
