namespace Build.Frosting.Additions;

/// <summary>
/// Cake's environment with per-host variable overrides, so tests can set GITHUB_ACTIONS or NO_COLOR for one host
/// without touching the process environment. Overrides are not passed to child processes.
/// </summary>
internal sealed class HostEnvironment(ICakeEnvironment inner, IReadOnlyDictionary<string, string?> overrides) : ICakeEnvironment
{
    public DirectoryPath WorkingDirectory
    {
        get => inner.WorkingDirectory;
        set => inner.WorkingDirectory = value;
    }

    public DirectoryPath ApplicationRoot => inner.ApplicationRoot;

    public ICakePlatform Platform => inner.Platform;

    public ICakeRuntime Runtime => inner.Runtime;

    public DirectoryPath GetSpecialPath(SpecialPath path) => inner.GetSpecialPath(path);

    public string? GetEnvironmentVariable(string variable) =>
        overrides.TryGetValue(variable, out var value) ? value : inner.GetEnvironmentVariable(variable);

    public IDictionary<string, string> GetEnvironmentVariables()
    {
        var variables = inner.GetEnvironmentVariables();
        foreach (var (name, value) in overrides)
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
