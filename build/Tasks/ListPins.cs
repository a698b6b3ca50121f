using Build.Frosting;
using Cake.Common.Diagnostics;
using Pipeline.Definition.Generation;
using Pipeline.Definition.Workflows;

namespace Build.Tasks;

[TaskName("List-Pins")]
public sealed class ListPins : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var width = Actions.All.Max(a => a.Repository.Length);
        var versionWidth = Actions.All.Max(a => a.Version.Length);
        context.Information($"{"action".PadRight(width)}  {"version".PadRight(versionWidth)}  {"commit SHA",-40}  source");
        foreach (var pin in Actions.All)
        {
            context.Information($"{pin.Repository.PadRight(width)}  {pin.Version.PadRight(versionWidth)}  {pin.Sha}  {pin.Source}");
        }

        context.Information(string.Empty);
        context.Information("To bump an action: change version, SHA and source together in src/Pipeline.Definition/Workflows/Actions.cs,");
        context.Information($"run {WorkflowGenerator.RegenerateCommand}, and commit Actions.cs with the regenerated ci-cd.yml.");
    }
}
