namespace Build.Tools.Npm;

/// <summary>Settings of an <c>npm</c> call (set <see cref="Cake.Core.Tooling.ToolSettings.WorkingDirectory"/> to the package's folder).</summary>
public class NpmSettings : PipelineToolSettings
{
}
