using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tests.Tools.Support;

/// <summary>Resolves tools to files in one directory, so a test decides which tools "are installed".</summary>
public sealed class DirectoryToolLocator(string directory) : IToolLocator
{
    public void RegisterFile(FilePath path)
    {
    }

    public FilePath? Resolve(string tool) => Resolve([tool]);

    public FilePath? Resolve(IEnumerable<string> toolExeNames) =>
        toolExeNames.Select(name => System.IO.Path.Combine(directory, name)).Where(File.Exists).Select(path => new FilePath(path)).FirstOrDefault();
}
