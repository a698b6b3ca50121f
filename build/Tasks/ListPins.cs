using Pipeline.Definition.Workflows;

namespace Build.Tasks;

[TaskName(TargetNames.ListPins)]
public sealed class ListPins : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var width = Actions.All.Max(a => a.Repository.Length);
        var versionWidth = Actions.All.Max(a => a.Version.Length);
        var header = $"{"action".PadRight(width)}  {"version".PadRight(versionWidth)}  ";
        context.Information($"{header}{"commit SHA",-40}  {"runtime",-9}  source");
        foreach (var pin in Actions.All)
        {
            context.Information(
                $"{pin.Repository.PadRight(width)}  {pin.Version.PadRight(versionWidth)}  {pin.Sha}  " +
                $"{pin.Runtime.WireName(),-9}  {pin.Source}");
        }

        context.Information(string.Empty);
        context.Information(
            "Renovate bumps version and SHA in src/Pipeline.Definition/Workflows/Actions.cs and ci-cd.yml in one " +
            "pull request (renovate.json).");
        context.Information(
            "By hand: change version, SHA and runtime (runs.using of the tag's action.yml) together in Actions.cs,");
        context.Information(
            $"run {WorkflowGenerator.RegenerateCommand}, and commit Actions.cs with the regenerated ci-cd.yml.");
    }
}
