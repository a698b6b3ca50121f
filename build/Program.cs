using Build;
using Build.Frosting;
using Build.Settings;
using Pipeline.Definition;

return new CakeHost()
    .UseContext<BuildContext>()
    .UseWorkingDirectory(Repository.Root)
    .UseTaskGraph(new PipelineGraph(SovdPipeline.Definition))
    .Run(args);
