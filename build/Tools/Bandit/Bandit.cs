using Build.Tools.Python;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace Build.Tools.Bandit;

[CakeAliasCategory("Bandit")]
public static class BanditAliases
{
    /// <summary><c>python -m bandit -r &lt;paths&gt; -ll -ii -f json -o &lt;file&gt;</c>; exit code 1 means issues at or above the thresholds.</summary>
    [CakeMethodAlias]
    public static ToolResult Bandit(this ICakeContext context, BanditSettings settings) => new BanditRunner(context).Run(settings);
}

public sealed class BanditRunner(ICakeContext context) : PythonModuleTool<BanditSettings>(context, Spec, "bandit")
{
    public static readonly ToolSpec<BanditSettings> Spec = new(
        "bandit",
        "needs a Python with bandit: apt-get install -y bandit (or pip install bandit); set PythonPath to that interpreter",
        PythonImports.Interpreters,
        context => new BanditRunner(context));

    public ToolResult Run(BanditSettings settings) => Execute(settings, ModuleArguments()
        .AppendValue("-r")
        .AppendValues(Require.Paths(settings.Paths, "BanditSettings.Paths", "the directories to scan (e.g. [\"app\"])"))
        .AppendOptionIfSet("-f", settings.Format?.ToWire())
        .AppendPathOption("-o", settings.OutputFile, Environment)
        .AppendFlag("-q", settings.Quiet));
}

/// <summary><c>python -m bandit -r</c>. Bandit writes one format per run: run it twice for a JSON file and a screen report.</summary>
public sealed class BanditSettings : PythonModuleSettings
{
    /// <summary><c>-f &lt;format&gt;</c>; unset keeps bandit's default (screen).</summary>
    public BanditFormat? Format { get; init; }

    public FilePath? OutputFile { get; init; }

    /// <summary><c>-q</c>: only the report, no progress lines.</summary>
    public bool Quiet { get; init; }
}

public enum BanditFormat
{
    /// <summary>Coloured human-readable report for the build log.</summary>
    [WireName("screen")] Screen,
    [WireName("json")] Json,
}

/// <summary>A bandit severity: <see cref="BanditJsonReport.WithSeverity"/> picks the issues of one level.</summary>
public enum BanditLevel
{
    Low = 1,
    Medium = 2,
    High = 3,
}
