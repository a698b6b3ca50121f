namespace Build.Settings;

/// <summary>The <c>--name=value</c> arguments tasks read. Each has an environment-variable twin in <see cref="EnvVars"/> where CI sets it.</summary>
public static class ArgumentNames
{
    public const string AppRoot = "app-root";
    public const string Python = "python";
    /// <summary>Folder of the WebAssembly ruff, used when the interpreter has no ruff; empty turns it off.</summary>
    public const string RuffWasm = "ruff-wasm";
    public const string CoverageThreshold = "coverage-threshold";
    public const string Sha = "sha";
    public const string Registry = "registry";
    public const string Owner = "owner";
    public const string Confirm = "confirm";
    public const string ApprovalCheck = "approval-check";
    public const string OutputRoot = "output-root";
    public const string TriageFile = "triage-file";
    public const string IgnoreUnfixed = "ignore-unfixed";
}
