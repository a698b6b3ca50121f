namespace Build.Settings;

/// <summary>
/// The last candidate for Python: the backend's toolchain image, CI's interpreter and pins (issue #23).
/// </summary>
public sealed partial class HostTools
{
    /// <summary>CI's interpreter and packages through the backend's toolchain image, when an engine answers.</summary>
    private (ToolChoice, FilePath)? ToolchainImage(List<string> tried)
    {
        if (context.Argument(ArgumentNames.ToolchainImage, true) is false)
        {
            tried.Add($"the toolchain image: turned off by --{ArgumentNames.ToolchainImage}=false");
            return null;
        }
        if (OperatingSystem.IsWindows())
        {
            tried.Add("the toolchain image: its interpreter is a POSIX shell script (on Windows, run the host in WSL)");
            return null;
        }
        if (!context.DockerEngineAnswers())
        {
            tried.Add($"the toolchain image: no Docker engine answers ({DockerSettings.EngineHint})");
            return null;
        }
        var image = new PythonToolchainImage(context.RepoRoot, context.RequireBackend());
        if (context.DryRun && !context.DockerImageExists(image.Tag))
        {
            context.Information("{0}", $"[dry-run] would build the toolchain image {image.Tag}");
        }
        else
        {
            image.EnsureBuilt(context);
            // A pin trixie does not ship (changed in requirements*.txt only) makes the image another toolchain than
            // CI's.
            if (PythonParity.Of(context, image.WriteInterpreter()) is [_, ..] differences)
            {
                tried.Add(
                    $"the toolchain image {image.Tag}: differs from the CI job ({PythonParity.Brief(differences)})");
                return null;
            }
        }
        return (new ToolChoice("python", image.WriteInterpreter().FullPath,
            $"the toolchain image {image.Tag}, CI's Python and pins", tried), image.Interpreter);
    }
}
