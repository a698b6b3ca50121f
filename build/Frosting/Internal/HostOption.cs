using Build.Frosting.Additions;

namespace Build.Frosting.Internal;

/// <summary>The host's own options with Cake's names and aliases; everything else is a Cake argument.</summary>
internal sealed record HostOption(string Name, bool TakesValue, params string[] Aliases)
{
    public const string Target = "target";
    public const string Exclusive = "exclusive";
    public const string DryRun = "dryrun";
    public const string Tree = "tree";
    public const string Description = "description";
    public const string Verbosity = "verbosity";
    public const string Working = "working";
    public const string Help = "help";
    public const string Version = "version";
    public const string Info = "info";

    public static IReadOnlyList<HostOption> All { get; } =
    [
        new(Target, true, "t"),
        new(Exclusive, false, "e"),
        new(DryRun, false, "noop", "whatif"),
        new(Tree, false, "showtree"),
        new(Description, false, "showdescription"),
        new(Verbosity, true, "v"),
        new(Working, true, "w"),
        new(Help, false, "h"),
        new(Version, false),
        new(Info, false),
    ];

    public static HostOption? Find(string name) =>
        All.FirstOrDefault(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
            || o.Aliases.Any(a => a.Equals(name, StringComparison.OrdinalIgnoreCase)));
}
