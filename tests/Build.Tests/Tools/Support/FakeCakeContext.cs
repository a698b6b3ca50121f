using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tests.Tools.Support;

/// <summary>The parts of a Cake context the tool wrappers use; the rest is not needed by them.</summary>
public sealed class FakeCakeContext(IFileSystem fileSystem, ICakeEnvironment environment, ICakeLog log, IProcessRunner processRunner, IToolLocator tools)
    : ICakeContext
{
    public IFileSystem FileSystem { get; } = fileSystem;

    public ICakeEnvironment Environment { get; } = environment;

    public ICakeLog Log { get; } = log;

    public IProcessRunner ProcessRunner { get; } = processRunner;

    public IToolLocator Tools { get; } = tools;

    public IGlobber Globber => throw new NotSupportedException("The tool wrappers do not glob.");

    public ICakeArguments Arguments => throw new NotSupportedException("The tool wrappers do not read arguments.");

    public IRegistry Registry => throw new NotSupportedException("The tool wrappers do not read the registry.");

    public ICakeDataResolver Data => throw new NotSupportedException("The tool wrappers do not use typed data.");

    public ICakeConfiguration Configuration => throw new NotSupportedException("The tool wrappers do not read configuration.");
}
