using System.Text;
using Cake.Core.IO;

namespace Build.Tests.Tools.Support;

/// <summary>One process start seen by <see cref="RecordingProcessRunner"/>.</summary>
public sealed record ProcessCall(FilePath Tool, ProcessSettings Settings)
{
    /// <summary>The executable's file name (<c>docker</c>, <c>python3</c>…).</summary>
    public string ToolName => Tool.GetFilename().FullPath;

    /// <summary>The argument line the process really receives.</summary>
    public string Arguments => Settings.Arguments?.Render() ?? "";

    /// <summary>The argument line as Cake logs it (secrets as [REDACTED]).</summary>
    public string SafeArguments => Settings.Arguments?.RenderSafe() ?? "";

    public string? StandardInputText => Settings.StandardInput is { } input ? Encoding.UTF8.GetString(input.Span) : null;

    public string? Variable(string name) =>
        Settings.EnvironmentVariables is { } variables && variables.TryGetValue(name, out var value) ? value : null;
}
