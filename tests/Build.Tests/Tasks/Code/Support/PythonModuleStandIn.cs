namespace Build.Tests.Tasks.Code.Support;

/// <summary>
/// A recording stand-in for a Python tool run as <c>python -m &lt;module&gt;</c> (ruff, pip_audit: not installable here).
/// It is a package folder put on PYTHONPATH: its <c>__main__</c> appends its arguments to <see cref="LogFile"/>,
/// writes <c>report</c> to the file named after <c>-o</c> (when given), prints <c>stdout</c>/<c>stderr</c> and exits with <c>exitCode</c>.
/// </summary>
public sealed class PythonModuleStandIn : IDisposable
{
    public PythonModuleStandIn(string module, string stdout = "", string stderr = "", int exitCode = 0, string? report = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("py-stand-in-").FullName;
        LogFile = Path.Combine(Directory, "calls.log");
        var package = System.IO.Directory.CreateDirectory(Path.Combine(Directory, module)).FullName;
        File.WriteAllText(Path.Combine(package, "__init__.py"), string.Empty);
        File.WriteAllText(Path.Combine(package, "__main__.py"), $$"""
            import sys
            args = sys.argv[1:]
            with open({{Quote(LogFile)}}, "a", encoding="utf-8") as log:
                log.write("{{module}} " + " ".join(args) + "\n")
            report = {{(report is null ? "None" : Quote(report))}}
            if report is not None and "-o" in args:
                with open(args[args.index("-o") + 1], "w", encoding="utf-8") as out:
                    out.write(report)
            sys.stdout.write({{Quote(stdout)}})
            sys.stderr.write({{Quote(stderr)}})
            sys.exit({{exitCode}})
            """);
    }

    public string Directory { get; }

    public string LogFile { get; }

    public IReadOnlyList<string> Calls => File.Exists(LogFile) ? File.ReadAllLines(LogFile) : [];

    /// <summary>Environment for the host: the stand-in first on PYTHONPATH.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?> { ["PYTHONPATH"] = Directory };

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    // A JSON string literal is a valid Python string literal.
    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
