using Build;

return new CakeHost()
    .UseContext<BuildContext>()
    .UseLifetime<RunStart>()
    .UseTaskLifetime<StageTimings>()
    .UseWorkingDirectory(Repository.Root)
    .UseTaskGraph(new PipelineGraph(SovdPipeline.Definition))
    .Run(IsolatedRehearsal.HostArguments(args));
