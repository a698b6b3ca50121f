using Build;
using Build.Containers;
using Build.Deploy;
using Build.Rehearsal;

return new CakeHost()
    .UseContext<BuildContext>()
    .UseLifetime<RunStart>()
    .UseTaskLifetime<StageTimings>()
    .UseWorkingDirectory(Repository.Root)
    .UseTaskGraph(new PipelineGraph(SovdPipeline.Definition))
    .Run(IsolatedRehearsal.HostArguments(args));
