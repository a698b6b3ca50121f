using Build;
using Build.Containers;
using Build.Frosting;
using Build.Rehearsal;
using Build.Settings;
using Pipeline.Definition;

return new CakeHost()
    .UseContext<BuildContext>()
    .UseLifetime<ToolChoiceReport>()
    .UseTaskLifetime<StageTimings>()
    .UseWorkingDirectory(Repository.Root)
    .UseTaskGraph(new PipelineGraph(SovdPipeline.Definition))
    .Run(IsolatedRehearsal.HostArguments(args));
