namespace Build.Tools.Black;

/// <summary><c>python -m black --check --diff</c>: reports, never rewrites.</summary>
public sealed class BlackSettings : PythonModuleSettings
{
    public static readonly ToolSpec<BlackSettings> Spec = SpecFor<BlackSettings>(
        "black",
        "needs a Python with black: apt-get install -y black (or pip install black); set PythonPath to that interpreter");

    public override string Module => "black";

    public override ProcessArgumentBuilder AppendArguments(ProcessArgumentBuilder arguments, ICakeEnvironment environment) => arguments
        .AppendValues(["--check", "--diff"])
        .AppendValues(Require.Paths(Paths, "BlackSettings.Paths", "the directories to check (e.g. [\"app\", \"tests\"])"));
}
