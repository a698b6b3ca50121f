namespace Build.Tests.Support;

/// <summary>
/// A recording stand-in for a tool that cannot run on this machine (kubectl against a cluster, trivy, pip-audit, ruff…).
/// It is a bash script put first on PATH: it appends its arguments to a log, prints a chosen output, and exits with a
/// chosen code — on every call, or only on the Nth call. Tests that use one say so in their names.
/// </summary>
public sealed class StandIns : IDisposable
{
    public StandIns()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("stand-ins-").FullName;
        LogFile = Path.Combine(Directory, "calls.log");
        File.WriteAllText(LogFile, string.Empty);
    }

    public string Directory { get; }

    /// <summary>One line per call: "<tool> <arguments>", in call order across all stand-ins.</summary>
    public string LogFile { get; }

    public IReadOnlyList<string> Calls => File.ReadAllLines(LogFile);

    /// <summary>PATH with the stand-ins first, for the host's environment.</summary>
    public string PathWithStandIns => $"{Directory}:{Environment.GetEnvironmentVariable("PATH")}";

    /// <summary>Adds a stand-in. <paramref name="failOnCall"/>: 0 = never fail, N = exit with <paramref name="exitCode"/> on the Nth call only, -1 = always.</summary>
    public StandIns Add(string tool, string stdout = "", int exitCode = 1, int failOnCall = 0, string failOutput = "")
    {
        var script = Path.Combine(Directory, tool);
        var counter = Path.Combine(Directory, $".{tool}.count");
        File.WriteAllText(script, $$"""
            #!/usr/bin/env bash
            count=$(( $(cat '{{counter}}' 2>/dev/null || echo 0) + 1 ))
            echo "$count" > '{{counter}}'
            echo "{{tool}} $*" >> '{{LogFile}}'
            if [[ {{failOnCall}} -eq -1 || {{failOnCall}} -eq $count ]]; then
              printf '%s' '{{Escape(failOutput)}}'
              exit {{exitCode}}
            fi
            printf '%s' '{{Escape(stdout)}}'
            exit 0
            """.Replace("\r", string.Empty));
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return this;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string Escape(string text) => text.Replace("'", "'\\''");
}
