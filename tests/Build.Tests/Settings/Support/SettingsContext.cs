using Build.Tests.Support;
using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tests.Settings.Support;

/// <summary>
/// A Cake context whose arguments and environment variables are exactly the ones given (the test process's own never
/// leak in, e.g. GITHUB_ACTIONS on a CI runner), with the real file system unless a test hands in its own, so settings
/// are built in-process. No tool is found on PATH, so git's questions answer null, and no process may start.
/// </summary>
public sealed class SettingsContext(
    IEnumerable<string> arguments, IReadOnlyDictionary<string, string> variables, IFileSystem? fileSystem = null)
    : ICakeContext
{
    public IFileSystem FileSystem { get; } = fileSystem ?? new FileSystem();

    public ICakeEnvironment Environment { get; } = new TestEnvironment(variables);

    public ICakeLog Log { get; } = new NullLog();

    public ICakeArguments Arguments { get; } = new GivenArguments(arguments);

    public IToolLocator Tools { get; } = new NoTools();

    public IProcessRunner ProcessRunner => throw new NotSupportedException("Settings start no process.");

    public IGlobber Globber => throw new NotSupportedException("Settings do not glob.");

    public IRegistry Registry => throw new NotSupportedException("Settings do not read the registry.");

    public ICakeDataResolver Data => throw new NotSupportedException("Settings do not use typed data.");

    public ICakeConfiguration Configuration => throw new NotSupportedException("Settings do not read configuration.");

    /// <summary>The host's context over the given inputs, the way the host builds it before the first task.</summary>
    public static BuildContext Build(
        string[] arguments, Dictionary<string, string>? variables = null, IFileSystem? fileSystem = null) =>
        new(new SettingsContext(arguments, variables ?? [], fileSystem));

    /// <summary>Arguments as the host passes them: <c>--name=value</c>, repeatable; a bare <c>--name</c> is true.</summary>
    private sealed class GivenArguments(IEnumerable<string> arguments) : ICakeArguments
    {
        private readonly ILookup<string, string> _values = arguments
            .Select(argument => argument.TrimStart('-').Split('=', 2))
            .ToLookup(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "true", StringComparer.OrdinalIgnoreCase);

        public bool HasArgument(string name) => _values.Contains(name);

        public ICollection<string> GetArguments(string name) => _values[name].ToList();

        public IDictionary<string, ICollection<string>> GetArguments() =>
            _values.ToDictionary(group => group.Key, group => (ICollection<string>)group.ToList(), StringComparer.OrdinalIgnoreCase);
    }

    private sealed class NoTools : IToolLocator
    {
        public void RegisterFile(FilePath path)
        {
        }

        public FilePath? Resolve(string tool) => null;

        public FilePath? Resolve(IEnumerable<string> toolExeNames) => null;
    }
}
