using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Build.Security;

/// <summary>
/// The one triage file of the security stages (YAML). Every entry must name the finding, its package or path, a reason,
/// who accepted it, and an expiry date that has not passed: an incomplete or expired entry fails the stage, so an
/// accepted risk is looked at again instead of being ignored for ever.
/// </summary>
public sealed record TriageFile(string Path, IReadOnlyList<TriageEntry> Entries)
{
    public const string Example = """
        triage:
          - id: CVE-2023-45853          # CVE, GHSA, PYSEC or Bandit test id (B602)
            package: zlib1g             # the package, or for Bandit the file (app/x.py)
            reason: only zip writing is affected; the image never writes zip files
            accepted-by: security@example.com
            expires: 2027-03-31         # the stage fails after this day
        """;

    public static TriageFile None(string path) => new(path, []);

    /// <summary>Reads and checks the file; throws one error listing every bad entry.</summary>
    public static TriageFile Load(string path, DateOnly today)
    {
        Document document;
        try
        {
            document = Deserializer.Deserialize<Document?>(File.ReadAllText(path)) ?? new Document();
        }
        catch (YamlException error)
        {
            throw new CakeException($"Triage file {path} is not valid: {error.Message} (line {error.Start.Line}). Expected:\n{Example}");
        }
        var problems = new List<string>();
        var entries = new List<TriageEntry>();
        for (var index = 0; index < document.Triage.Count; index++)
        {
            var entry = Check(document.Triage[index], $"entry {index + 1}", today, problems);
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }
        if (problems.Count > 0)
        {
            throw new CakeException($"Triage file {path} has {problems.Count} problem(s); fix or remove the entries " +
                "(a new expiry date needs a new look at the risk):\n" + string.Join('\n', problems.Select(problem => $"  - {problem}")));
        }
        return new TriageFile(path, entries);
    }

    private static TriageEntry? Check(RawEntry raw, string position, DateOnly today, List<string> problems)
    {
        var name = $"{position} ({raw.Id ?? "no id"} in {raw.Package ?? "no package"})";
        (string Key, string? Value)[] fields = [("id", raw.Id), ("package", raw.Package), ("reason", raw.Reason), ("accepted-by", raw.AcceptedBy), ("expires", raw.Expires)];
        var missing = fields.Where(field => string.IsNullOrWhiteSpace(field.Value)).Select(field => field.Key).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{name} has no {string.Join(", no ", missing)}");
            return null;
        }
        if (!DateOnly.TryParseExact(raw.Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires))
        {
            problems.Add($"{name}: expires '{raw.Expires}' is not a date (yyyy-MM-dd)");
            return null;
        }
        if (expires < today)
        {
            problems.Add($"{name} expired on {raw.Expires} (accepted by {raw.AcceptedBy}: {raw.Reason})");
            return null;
        }
        return new TriageEntry(raw.Id!.Trim(), raw.Package!.Trim(), raw.Reason!.Trim(), raw.AcceptedBy!.Trim(), expires);
    }

    // Unknown keys fail the load (YamlDotNet's default), so a misspelt "acceptedby" is caught instead of read as missing.
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(HyphenatedNamingConvention.Instance)
        .Build();

    private sealed class Document
    {
        public List<RawEntry> Triage { get; set; } = [];
    }

    private sealed class RawEntry
    {
        public string? Id { get; set; }

        public string? Package { get; set; }

        public string? Reason { get; set; }

        public string? AcceptedBy { get; set; }

        public string? Expires { get; set; }
    }
}
