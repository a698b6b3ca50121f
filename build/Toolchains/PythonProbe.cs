namespace Build.Toolchains;

/// <summary>
/// Asks an interpreter, in one silent process, for its version and every installed distribution's version.
/// </summary>
public static class PythonProbe
{
    private const string Script =
        "import importlib.metadata as m, json, platform, re; " +
        "print(json.dumps({'python': platform.python_version(), 'packages': {re.sub(r'[-_.]+', '-', " +
            "d.metadata['Name'].lower()): d.version " +
        "for d in m.distributions() if d.metadata['Name']}}))";

    /// <summary>What <paramref name="python"/> holds; null when it does not run or answers something else.</summary>
    public static InstalledPython? Ask(IProcessRunner runner, FilePath python)
    {
        var settings = new ProcessSettings
        {
            Arguments = ArgumentBuilderExtensions.Command("-c").AppendValue(Script),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Silent = true,
        };
        try
        {
            using var process = runner.Start(python, settings);
            process.WaitForExit();
            var output = process.GetStandardOutput().ToList();
            _ = process.GetStandardError().ToList();
            return process.GetExitCode() == 0 && output.Count > 0 ? Parse(output[^1]) : null;
        }
        catch (Exception error) when (
            error is System.ComponentModel.Win32Exception or InvalidOperationException or IOException or JsonException)
        {
            return null;
        }
    }

    public static InstalledPython Parse(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var packages =
            root["packages"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(),
            StringComparer.Ordinal);
        return new InstalledPython(root["python"]!.GetValue<string>(), packages);
    }
}
