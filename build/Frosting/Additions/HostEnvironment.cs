using Cake.Core.IO;

namespace Build.Frosting.Additions;

/// <summary>
/// Cake's environment with per-host variable overrides, so tests can set GITHUB_ACTIONS or NO_COLOR for one host
/// without touching the process environment. Overrides are not passed to child processes.
/// </summary>
internal sealed class HostEnvironment : ICakeEnvironment
{
    private readonly ICakeEnvironment _inner;
    private readonly IReadOnlyDictionary<string, string?> _overrides;

    public HostEnvironment(ICakeEnvironment inner, IReadOnlyDictionary<string, string?> overrides)
    {
        _inner = inner;
        _overrides = overrides;
    }

    public DirectoryPath WorkingDirectory
    {
        get => _inner.WorkingDirectory;
        set => _inner.WorkingDirectory = value;
    }

    public DirectoryPath ApplicationRoot => _inner.ApplicationRoot;

    public ICakePlatform Platform => _inner.Platform;

    public ICakeRuntime Runtime => _inner.Runtime;

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
