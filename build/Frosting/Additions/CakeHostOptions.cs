using Cake.Core.IO;

namespace Build.Frosting.Additions;

/// <summary>What the command line asked for; registered in DI so contexts and tasks can take it in their constructor.</summary>
public sealed record CakeHostOptions(
    IReadOnlyList<string> Targets,
    bool Exclusive,
    bool DryRun,
    Verbosity Verbosity,
    DirectoryPath WorkingDirectory);
