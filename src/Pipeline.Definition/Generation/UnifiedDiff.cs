using System.Text;

namespace Pipeline.Definition.Generation;

/// <summary>A unified diff of two texts (three lines of context), so a drift shows exactly which lines changed.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string expected, string actual, string expectedName, string actualName)
    {
        var a = Lines(expected);
        var b = Lines(actual);
        var edits = Edits(a, b);
        if (edits.All(e => e.Kind == ' '))
        {
            return string.Empty;
        }

        var text = new StringBuilder().Append("--- ").Append(expectedName).Append('\n')
            .Append("+++ ").Append(actualName).Append('\n');
        foreach (var (start, end) in Hunks(edits))
        {
            AppendHunk(text, edits, start, end);
        }

        return text.ToString();
    }

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');

    private readonly record struct Edit(char Kind, string Line, int OldLine, int NewLine);

    // Longest common subsequence by dynamic programming: files here are a few thousand lines at most.
    private static List<Edit> Edits(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add(new(' ', a[x], x++, y++));
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                edits.Add(new('+', b[y], x, y++));
            }
            else
            {
                edits.Add(new('-', a[x], x++, y));
            }
        }

        return edits;
    }

    private static IEnumerable<(int Start, int End)> Hunks(List<Edit> edits)
    {
        var changed = edits.Select((e, i) => (e, i)).Where(p => p.e.Kind != ' ').Select(p => p.i).ToList();
        var start = Math.Max(0, changed[0] - Context);
        var end = Math.Min(edits.Count, changed[0] + Context + 1);
        foreach (var index in changed.Skip(1))
        {
            if (index - Context > end)
            {
                yield return (start, end);
                start = index - Context;
            }

            end = Math.Min(edits.Count, index + Context + 1);
        }

        yield return (start, end);
    }

    private static void AppendHunk(StringBuilder text, List<Edit> edits, int start, int end)
    {
        var slice = edits.GetRange(start, end - start);
        var oldCount = slice.Count(e => e.Kind != '+');
        var newCount = slice.Count(e => e.Kind != '-');
        var oldStart = oldCount == 0 ? slice[0].OldLine : slice[0].OldLine + 1;
        var newStart = newCount == 0 ? slice[0].NewLine : slice[0].NewLine + 1;
        text.Append($"@@ -{oldStart},{oldCount} +{newStart},{newCount} @@\n");
        foreach (var edit in slice)
        {
            text.Append(edit.Kind).Append(edit.Line).Append('\n');
        }
    }
}
