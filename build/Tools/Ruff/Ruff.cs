namespace Build.Tools.Ruff;

/// <summary><c>python -m ruff check</c>.</summary>
public sealed class RuffSettings : PythonModuleSettings
{
    public static readonly ToolSpec<RuffSettings> Spec = SpecFor<RuffSettings>(
        "ruff",
        "needs a Python with ruff: pip install ruff (PyPI only, no Debian package); without PyPI, put tools/ruff-wasm/python on PYTHONPATH for the ruff call (the host does so when tools/ruff-wasm has its npm packages) to run ruff's WebAssembly build; set PythonPath to that interpreter");

    /// <summary><c>--output-format=&lt;format&gt;</c>; unset keeps ruff's default.</summary>
    public RuffOutputFormat? OutputFormat { get; init; }

    public override string Module => "ruff";

    public override ProcessArgumentBuilder AppendArguments(ProcessArgumentBuilder arguments, ICakeEnvironment environment) => arguments
        .AppendValue("check")
        .AppendOptionIfSet("--output-format", OutputFormat?.ToWire(), "=")
        .AppendValues(Require.Paths(Paths, "RuffSettings.Paths", "the directories to check (e.g. [\"app\", \"tests\"])"));
}

public enum RuffOutputFormat
{
    /// <summary>GitHub workflow commands: findings show as annotations on the pull request.</summary>
    [WireName("github")] GitHub,
}
