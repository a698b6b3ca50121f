using Cake.Core.IO;

namespace Build.Frosting.Additions;

/// <summary>Starts processes through Cake's runner and remembers them so an interruption can kill them.</summary>
internal sealed class TrackingProcessRunner : IProcessRunner
{
    private readonly IProcessRunner _inner;
    private readonly HostInterruption _interruption;

    public TrackingProcessRunner(IProcessRunner inner, HostInterruption interruption)
    {
        _inner = inner;
        _interruption = interruption;
    }

    public IProcess Start(FilePath filePath, ProcessSettings settings)
    {
        _interruption.ThrowIfInterrupted();
        var process = new TrackedProcess(_inner.Start(filePath, settings), _interruption);
        _interruption.Track(process);
        return process;
    }
}
