using Build;

return new CakeHost()
    .UseContext<BuildContext>()
    .UseLifetime<RunStart>()
    .UseTaskLifetime<StageTimings>()
    .UseWorkingDirectory(Repository.Root)
    // Cake looks for each tool it resolves in <tools path>/**/<name> before PATH (Cake.Core's ToolResolutionStrategy,
    // read 2026-12-07), and ./tools here holds npm trees (Renovate's alone ~100k entries): each tool call globbed
    // them for 1-2 s, and a file there named like a tool would win over PATH. No tool is installed that way here.
    .UseCakeSetting("Paths_Tools", ".build/cake-tools")
    .UseTaskGraph(new PipelineGraph(SovdPipeline.Definition))
    .Run(IsolatedRehearsal.HostArguments(args));
