using Build.Frosting.Additions;

namespace Build.Frosting.Internal;

internal static class CycleFinder
{
    /// <summary>Every distinct cycle, as the path that closes it (A, B, A).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyDictionary<string, List<string>> before)
    {
        var cycles = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var start in before.Keys.Order(StringComparer.OrdinalIgnoreCase))
        {
            Visit(start, before, [], done, cycles, seen);
        }

        return cycles;
    }

    private static void Visit(
        string node,
        IReadOnlyDictionary<string, List<string>> before,
        List<string> path,
        HashSet<string> done,
        List<IReadOnlyList<string>> cycles,
        HashSet<string> seen)
    {
        var index = path.FindIndex(p => p.Equals(node, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            var cycle = path[index..].Append(node).ToList();
            if (seen.Add(Key(cycle)))
            {
                cycles.Add(cycle);
            }

            return;
        }

        if (done.Contains(node))
        {
            return;
        }

        path.Add(node);
        foreach (var next in before[node])
        {
            Visit(next, before, path, done, cycles, seen);
        }

        path.RemoveAt(path.Count - 1);
        done.Add(node);
    }

    // The same cycle found from different starting points has the same members.
    private static string Key(List<string> cycle) =>
        string.Join("|", cycle.Skip(1).Select(n => n.ToUpperInvariant()).Order(StringComparer.Ordinal));
}
