namespace Build.Tools.Python;

/// <summary>
/// Which modules an interpreter cannot import, asked in one silent process: <c>find_spec</c> looks modules up without
/// importing them, so the probe is fast and has no side effect (it also runs for real under --dryrun).
/// </summary>
public static class PythonImports
{
    /// <summary>The executables a Python tool is started with, first found wins.</summary>
    public static readonly string[] Interpreters = ["python3", "python"];

    private const string Script =
        "import importlib.util, sys; missing = [m for m in sys.argv[1:] if importlib.util.find_spec(m) is None]; " +
            "print(' '.join(missing)); sys.exit(1 if missing else 0)";

    /// <summary>
    /// The modules <paramref name="python"/> lacks (empty: it has them all); null when it does not run at all.
    /// </summary>
    public static IReadOnlyList<string>? Missing(IProcessRunner runner, FilePath python, IEnumerable<string> modules,
        IDictionary<string, string>? environment = null)
    {
        var arguments = ArgumentBuilderExtensions.Command("-c").AppendValue(Script);
        var settings = new ProcessSettings
        {
            Arguments = modules.Aggregate(arguments, (all, module) => all.Append(module)),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Silent = true,
            EnvironmentVariables = environment is { Count: > 0 } ? environment : null,
        };
        try
        {
            using var process = runner.Start(python, settings);
            process.WaitForExit();
            var output = process.GetStandardOutput().ToList();
            _ = process.GetStandardError().ToList();
            return process.GetExitCode() switch
            {
                0 => [],
                1 when output.Count > 0 => output[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries),
                _ => null,
            };
        }
        catch (Exception error) when (
            error is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
