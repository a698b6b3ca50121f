namespace Build.Tools;

/// <summary>The Python module tools; linters and scanners return their exit code without throwing unless asked.</summary>
[CakeAliasCategory("Python")]
public static class PythonAliases
{
    /// <summary><c>python -m bandit -r &lt;paths&gt; -ll -ii -f json -o &lt;file&gt;</c>; exit code 1 means issues at or above the thresholds.</summary>
    [CakeMethodAlias]
    public static ToolResult Bandit(this ICakeContext context, BanditSettings settings) => Run(context, settings, BanditSettings.Spec);

    /// <summary><c>python -m black --check --diff &lt;paths&gt;</c>; exit code 1 means files would be reformatted.</summary>
    [CakeMethodAlias]
    public static ToolResult Black(this ICakeContext context, BlackSettings settings) => Run(context, settings, BlackSettings.Spec);

    /// <summary><c>python -m mypy &lt;paths&gt;</c>; exit code 1 means type errors.</summary>
    [CakeMethodAlias]
    public static ToolResult Mypy(this ICakeContext context, MypySettings settings) => Run(context, settings, MypySettings.Spec);

    /// <summary><c>python -m pip_audit -r &lt;file&gt;…</c>; exit code 1 means vulnerabilities or an audit failure.</summary>
    [CakeMethodAlias]
    public static ToolResult PipAudit(this ICakeContext context, PipAuditSettings settings) => Run(context, settings, PipAuditSettings.Spec);

    /// <summary><c>python -m pytest</c>; exit code 1 means failed tests, 5 none collected.</summary>
    [CakeMethodAlias]
    public static ToolResult Pytest(this ICakeContext context, PytestSettings settings) => Run(context, settings, PytestSettings.Spec);

    /// <summary><c>python -m ruff check [--output-format=github] &lt;paths&gt;</c>; exit code 1 means findings.</summary>
    [CakeMethodAlias]
    public static ToolResult RuffCheck(this ICakeContext context, RuffSettings settings) => Run(context, settings, RuffSettings.Spec);

    private static ToolResult Run<TSettings>(ICakeContext context, TSettings settings, ToolSpec<TSettings> spec)
        where TSettings : PythonModuleSettings, new() => new PythonModuleRunner<TSettings>(context, spec).Run(settings);
}
