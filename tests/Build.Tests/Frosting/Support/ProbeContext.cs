using Build.Frosting.Additions;
using Build.Frosting;
using Cake.Core;

namespace Build.Tests.Frosting.Support;

/// <summary>A user context taking an extra service in its constructor, like a real BuildContext may.</summary>
public sealed class ProbeContext : HostContext
{
    public ProbeContext(ICakeContext context, Probe probe, CakeHostOptions options)
        : base(context)
    {
        Probe = probe;
        Options = options;
    }

    public Probe Probe { get; }

    public CakeHostOptions Options { get; }
}
