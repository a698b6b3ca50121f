namespace Build.Frosting.Internal;

/// <summary>What the host prints instead of running: --help, --version, --info, --tree and --description.</summary>
internal static class HelpText
{
    private const string TaskHeader = "Task";

    private static readonly string[] Lines =
    [
        "Usage: build [options] [--<argument>=<value> ...]",
        string.Empty,
        "Options:",
        "  -t, --target <task>          Task to run; repeat for several (default: Default)",
        "  -e, --exclusive              Run only the target(s), not their dependencies",
        "      --dryrun, --noop, --whatif",
        "                               Run tasks, but print commands instead of starting processes",
        "      --tree, --showtree       Show the dependency tree of the target(s), or of every task",
        "      --description, --showdescription",
        "                               List the tasks with their descriptions",
        "  -v, --verbosity <level>      quiet, minimal, normal, verbose, diagnostic (or q, m, n, v, d)",
        "  -w, --working <dir>          Working directory",
        "  -h, --help                   Show this help",
        "      --version                Show the version",
        "      --info                   Show the version of the host, Cake and .NET",
        string.Empty,
        "Any other --name=value, --name value or bare --flag (= true) is a Cake argument that tasks read",
        "with context.Argument<T>(\"name\", default). A value starting with '-' needs the --name=value form.",
    ];

    public static void WriteHelp(IConsole console)
    {
        foreach (var line in Lines)
        {
            console.WriteLine(line);
        }
    }

    public static void WriteVersion(IConsole console) => console.WriteLine(HostVersion());

    public static void WriteInfo(IConsole console)
    {
        console.WriteLine($"Build host: {HostVersion()}");
        console.WriteLine($"Cake.Core:  {VersionOf(typeof(ICakeContext).Assembly)}");
        console.WriteLine($".NET:       {Environment.Version}");
    }

    /// <summary>--tree: each root with the tasks it depends on, drawn like Cake's tree.</summary>
    public static void WriteTree(IConsole console, TaskGraph graph, IEnumerable<string> roots)
    {
        foreach (var root in roots)
        {
            console.WriteLine(graph.NameOf(root));
            WriteChildren(console, graph, graph.NameOf(root), string.Empty);
            console.WriteLine(string.Empty);
        }
    }

    /// <summary>--description: every task and its description, sorted by name, in two aligned columns.</summary>
    public static void WriteDescriptions(IConsole console, TaskCatalog catalog)
    {
        var tasks = catalog.Tasks.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var width = tasks.Select(t => t.Name.Length).Append(TaskHeader.Length).Max() + 2;
        console.WriteLine(TaskHeader.PadRight(width) + "Description");
        foreach (var task in tasks)
        {
            console.WriteLine((task.Name.PadRight(width) + task.Description).TrimEnd());
        }
    }

    private static void WriteChildren(IConsole console, TaskGraph graph, string name, string indent)
    {
        var children = graph.DependenciesOf(name);
        for (var i = 0; i < children.Count; i++)
        {
            var last = i == children.Count - 1;
            console.WriteLine($"{indent}{(last ? "└─" : "├─")}{children[i]}");
            WriteChildren(console, graph, children[i], indent + (last ? "  " : "│ "));
        }
    }

    private static string HostVersion() => VersionOf(Assembly.GetEntryAssembly() ?? typeof(CakeHost).Assembly);

    private static string VersionOf(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        return version.Split('+')[0];
    }
}
