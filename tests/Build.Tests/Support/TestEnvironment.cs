using Cake.Core;
using Cake.Core.IO;

namespace Build.Tests.Support;

/// <summary>
/// Cake's environment with the variables a test chooses, without touching the process environment: the process's
/// variables with per-test overrides, or, given <paramref name="only"/>, exactly those (the test process's own, e.g.
/// GITHUB_ACTIONS on a CI runner, never leak in). Nothing here reaches child processes.
/// </summary>
public sealed class TestEnvironment(IReadOnlyDictionary<string, string>? only = null) : ICakeEnvironment
{
    private readonly CakeEnvironment _inner = new(new CakePlatform(), new CakeRuntime());
    private readonly Dictionary<string, string?> _overrides = new(StringComparer.OrdinalIgnoreCase);

    public DirectoryPath WorkingDirectory
    {
        get => _inner.WorkingDirectory;
        set => _inner.WorkingDirectory = value;
    }

    public DirectoryPath ApplicationRoot => _inner.ApplicationRoot;

    public ICakePlatform Platform => _inner.Platform;

    public ICakeRuntime Runtime => _inner.Runtime;

    /// <summary>Overrides a variable for this environment only; null removes it.</summary>
    public TestEnvironment Set(string name, string? value)
    {
        _overrides[name] = value;
        return this;
    }

    public DirectoryPath GetSpecialPath(SpecialPath path) => _inner.GetSpecialPath(path);

    public string? GetEnvironmentVariable(string variable) =>
        _overrides.TryGetValue(variable, out var value) ? value
        : only is null ? _inner.GetEnvironmentVariable(variable)
        : only.GetValueOrDefault(variable);

    public IDictionary<string, string> GetEnvironmentVariables()
    {
        var variables = only is null ? _inner.GetEnvironmentVariables() : new Dictionary<string, string>(only);
        foreach (var (name, value) in _overrides)
        {
            if (value is null)
            {
                variables.Remove(name);
            }
            else
            {
                variables[name] = value;
            }
        }

        return variables;
    }
}
