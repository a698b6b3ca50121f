using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Build.Security;

/// <summary>An accepted risk: which finding in which package or path, why, who accepted it, and until when.</summary>
public sealed record TriageEntry(string Id, string Package, string Reason, string AcceptedBy, DateOnly Expires)
{
    /// <summary>
    /// The entry names the finding by its id or one of its aliases, and its package (or Bandit's file path).
    /// </summary>
    public bool Covers(Finding finding) =>
        finding.Aliases.Prepend(finding.Id).Any(id => string.Equals(id, Id, StringComparison.OrdinalIgnoreCase))
        && string.Equals(Normalize(finding.Package), Normalize(Package), StringComparison.OrdinalIgnoreCase);

    // Bandit prints "./app/x.py" or "app/x.py" depending on how it was called.
    private static string Normalize(string package) => package.StartsWith("./", StringComparison.Ordinal) ? package[2..]
        : package;
}

/// <summary>
/// The one triage file of the security stages (YAML). Every entry must name the finding, its package or path, a reason,
/// who accepted it, and an expiry date that has not passed: an incomplete or expired entry fails the stage, so an
/// accepted risk is looked at again instead of being ignored for ever.
/// </summary>
public sealed record TriageFile(string Path, IReadOnlyList<TriageEntry> Entries)
{
    private const string Example = """
        triage:
          - id: CVE-2023-45853          # CVE, GHSA, PYSEC or Bandit test id (B602)
            package: zlib1g             # the package, or for Bandit the file (app/x.py)
            reason: only zip writing is affected; the image never writes zip files
            accepted-by: security@example.com
            expires: 2027-03-31         # the stage fails after this day
        """;

    // Unknown keys fail the load (YamlDotNet's default), so a misspelt "acceptedby" is caught instead of read as
    // missing.
    private static readonly IDeserializer Deserializer =
        new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).Build();

    /// <summary>
    /// An entry expiring within this many days is announced (annotation and job summary) on every run.
    /// </summary>
    public const int WarningDays = 30;

    /// <summary>
    /// Loads and checks the triage file before any scan: <c>--triage-file</c>, else <c>security/triage.yml</c> in the
    /// app root; without one, every finding is new. <c>--triage-date</c> judges it as of another day (rehearses an
    /// expiry).
    /// </summary>
    public static TriageFile Load(BuildContext context)
    {
        var given = context.Argument(ArgumentNames.TriageFile, "");
        var path = given is { Length: > 0 } ? System.IO.Path.GetFullPath(given, context.RepoRoot.FullPath)
            : context.AppRoot.CombineWithFilePath("security/triage.yml").FullPath;
        if (File.Exists(path))
        {
            var today = Today(context);
            var triage = Load(path, today);
            context.Information("{0}", $"Triage: {triage.Entries.Count} accepted risk(s) in {path}, none expired.");
            TriageExpiry.Announce(context, triage, today);
            return triage;
        }
        if (given is { Length: > 0 })
        {
            throw new CakeException(
                $"--{ArgumentNames.TriageFile}={given}: no such file ({path}). Create it or leave the argument out.");
        }
        context.Information("{0}", $"Triage: no {path}; every finding counts as new.");
        return new TriageFile(path, []);
    }

    /// <summary>
    /// The entries that expire within <see cref="WarningDays"/> days of <paramref name="today"/>, soonest first.
    /// </summary>
    public IReadOnlyList<TriageEntry> ExpiringWithin(DateOnly today) =>
        [.. Entries.Where(entry => entry.Expires.DayNumber - today.DayNumber <= WarningDays).OrderBy(
            entry => entry.Expires)];

    private static DateOnly Today(BuildContext context)
    {
        var given = context.Argument(ArgumentNames.TriageDate, "");
        if (given.Length == 0)
        {
            return DateOnly.FromDateTime(DateTime.UtcNow);
        }
        return DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var date)
            ? date
            : throw new CakeException(
                $"--{ArgumentNames.TriageDate}={given} is not a date: give yyyy-MM-dd (e.g. 2027-03-02) or leave it " +
                $"out for today.");
    }

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
            throw new CakeException(
                $"Triage file {path} is not valid: {error.Message} (line {error.Start.Line}). Expected:\n{Example}");
        }
        var problems = new List<string>();
        var entries =
            document.Triage.Select(
            (raw, index) => Check(raw, $"entry {index + 1}", today, problems)).OfType<TriageEntry>().ToList();
        if (problems.Count > 0)
        {
            throw new CakeException($"Triage file {path} has {problems.Count} problem(s); fix or remove the entries " +
                "(a new expiry date needs a new look at the risk):\n" + string.Join('\n',
                    problems.Select(problem => $"  - {problem}")));
        }
        return new TriageFile(path, entries);
    }

    private static TriageEntry? Check(RawEntry raw, string position, DateOnly today, List<string> problems)
    {
        var name = $"{position} ({raw.Id ?? "no id"} in {raw.Package ?? "no package"})";
        (string Key, string? Value)[] fields =
            [("id", raw.Id), ("package", raw.Package), ("reason", raw.Reason), ("accepted-by", raw.AcceptedBy),
            ("expires", raw.Expires)];
        var missing = fields.Where(field => string.IsNullOrWhiteSpace(field.Value)).Select(field => field.Key).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{name} has no {string.Join(", no ", missing)}");
            return null;
        }
        if (!DateOnly.TryParseExact(raw.Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var expires))
        {
            problems.Add($"{name}: expires '{raw.Expires}' is not a date (yyyy-MM-dd)");
            return null;
        }
        if (expires < today)
        {
            problems.Add($"{name} expired on {raw.Expires} (accepted by {raw.AcceptedBy}: {raw.Reason})");
            return null;
        }
        return new TriageEntry(raw.Id!.Trim(), raw.Package!.Trim(), raw.Reason!.Trim(), raw.AcceptedBy!.Trim(),
            expires);
    }

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
