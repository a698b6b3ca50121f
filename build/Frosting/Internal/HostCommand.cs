using Build.Frosting.Additions;

namespace Build.Frosting.Internal;

/// <summary>What one invocation does; when several are asked for, the earliest in this list wins.</summary>
internal enum HostCommand
{
    Help,
    Version,
    Info,
    Tree,
    Description,
    Run,
}
