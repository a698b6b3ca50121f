using Build.Frosting.Additions;

namespace Build.Frosting.Internal;

internal sealed record ParsedCommandLine(
    HostCommand Command,
    IReadOnlyList<string> Targets,
    bool TargetsGiven,
    bool Exclusive,
    bool DryRun,
    Verbosity Verbosity,
    string? WorkingDirectory,
    ILookup<string, string> Arguments,
    IReadOnlyList<string> Errors);
