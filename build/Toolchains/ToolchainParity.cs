namespace Build.Toolchains;

/// <summary>
/// What an interpreter holds: its version (e.g. 3.13.5) and each installed distribution's version, by PEP 503 name.
/// </summary>
public sealed record InstalledPython(string Version, IReadOnlyDictionary<string, string> Packages);

/// <summary>
/// Compares a local Python toolchain with what the CI job installs: the definition's Python version and every pin of
/// the requirement files. Known differences are listed with their reason and do not fail; everything else does.
/// </summary>
public static class ToolchainParity
{
    /// <summary>
    /// The pins the toolchain image cannot hold, each with why that is accepted (requirements.txt and
    /// requirements-dev.txt document both): they are reported, never silently skipped.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Accepted = new Dictionary<string,
        string>(StringComparer.Ordinal)
    {
        ["h11"] = "Debian's 0.14.0-1.1 carries 0.16.0's fix for CVE-2025-43859 as a patch (requirements.txt)",
        ["pip-audit"] = "not packaged by Debian; Security-Backend needs PyPI's audit service anyway",
        ["ruff"] =
            "not packaged by Debian; Lint-Backend runs the WebAssembly build of the same version (tools/ruff-wasm)",
    };

    /// <summary>
    /// One line per difference, e.g. "pydantic: 1.10.4 here, CI installs 2.10.6"; empty when they match.
    /// </summary>
    public static IReadOnlyList<string> Differences(
        InstalledPython installed, string pythonVersion, IReadOnlyDictionary<string, string> pins,
            IReadOnlyDictionary<string, string>? accepted = null)
    {
        accepted ??= Accepted;
        var differences = new List<string>();
        if (installed.Version != pythonVersion
            && !installed.Version.StartsWith(pythonVersion + ".", StringComparison.Ordinal))
        {
            differences.Add($"python: {installed.Version} here, CI sets up {pythonVersion}");
        }
        foreach (var (name, pinned) in pins.Where(pin => !accepted.ContainsKey(pin.Key)))
        {
            if (!installed.Packages.TryGetValue(name, out var version))
            {
                differences.Add($"{name}: not installed here, CI installs {pinned}");
            }
            else if (version != pinned)
            {
                differences.Add($"{name}: {version} here, CI installs {pinned}");
            }
        }
        return differences;
    }

    /// <summary>
    /// The versions a stage's report lists: the interpreter and the pinned packages that are installed.
    /// </summary>
    public static string Summary(InstalledPython installed, IReadOnlyDictionary<string, string> pins) =>
        $"python {installed.Version}; " + string.Join(", ",
            pins.Keys.Where(installed.Packages.ContainsKey).Select(name => $"{name} {installed.Packages[name]}"));
}
