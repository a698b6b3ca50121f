using Cake.Core.IO;

namespace Build.Frosting;

/// <summary>The process runner of a --dryrun: it prints commands instead of starting them.</summary>
public interface IDryRunProcessRunner : IProcessRunner
{
}
