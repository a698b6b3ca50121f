namespace Build.Frosting.Internal;

/// <summary>--tree: each root with the tasks it depends on, drawn like Cake's tree.</summary>
internal static class TreePrinter
{
    public static void Write(IConsole console, TaskGraph graph, IEnumerable<string> roots)
    {
        foreach (var root in roots)
        {
            console.WriteLine(graph.NameOf(root));
            WriteChildren(console, graph, graph.NameOf(root), string.Empty);
            console.WriteLine(string.Empty);
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
}
