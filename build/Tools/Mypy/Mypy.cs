namespace Build.Tools.Mypy;

/// <summary><c>python -m mypy</c>; strictness and plugins come from pyproject.toml in the working directory.</summary>
public sealed class MypySettings : PythonModuleSettings
{
    public static readonly ToolSpec<MypySettings> Spec = SpecFor<MypySettings>(
        "mypy",
        "needs a Python with mypy: apt-get install -y mypy (or pip install mypy); set PythonPath to that interpreter");

    public override string Module => "mypy";

    public override ProcessArgumentBuilder AppendArguments(ProcessArgumentBuilder arguments, ICakeEnvironment environment) =>
        arguments.AppendValues(Require.Paths(Paths, "MypySettings.Paths", "the packages or directories to check (e.g. [\"app\"])"));
}
