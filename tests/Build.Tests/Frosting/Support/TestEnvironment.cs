using Cake.Core;
using Cake.Core.IO;

namespace Build.Tests.Frosting.Support;

/// <summary>
/// Cake's environment with per-host variable overrides, so a test can set GITHUB_ACTIONS or NO_COLOR for one host
/// without touching the process environment. Overrides are not passed to child processes.
/// </summary>
public sealed class TestEnvironment : ICakeEnvironment
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
        _overrides.TryGetValue(variable, out var value) ? value : _inner.GetEnvironmentVariable(variable);

    public IDictionary<string, string> GetEnvironmentVariables()
    {
        var variables = _inner.GetEnvironmentVariables();
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
