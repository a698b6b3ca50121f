namespace Build.Security;

/// <summary>
/// Code scanning shows only what is new: the results of a Trivy SARIF file that the triage file accepts are taken out
/// before the upload (filtered rather than marked: whether GitHub's code scanning closes SARIF <c>suppressions</c> by
/// itself is not documented; advanced-security/dismiss-alerts exists because it does not). The JSON report and the job
/// summary keep every finding, triaged ones with who accepted them. Trivy writes each vulnerability as a result whose
/// <c>ruleId</c> is its id and whose message starts with <c>Package: &lt;name&gt;</c> (pkg/report/sarif.go, read
/// 2026-12-07).
/// </summary>
public static class SarifTriage
{
    private const string PackagePrefix = "Package: ";

    /// <summary>Removes the triaged results from the file; returns how many were removed.</summary>
    public static int Filter(string path, TriageFile triage, string scanner)
    {
        var document = JsonNode.Parse(File.ReadAllText(path))!;
        var removed = 0;
        var runs = (document["runs"]?.AsArray() ?? []).Select(run => run?["results"]?.AsArray()).OfType<JsonArray>();
        foreach (var results in runs)
        {
            foreach (var result in results.ToList().Where(result => IsTriaged(result, triage, scanner)))
            {
                results.Remove(result);
                removed++;
            }
        }
        File.WriteAllText(path, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return removed;
    }

    private static bool IsTriaged(JsonNode? result, TriageFile triage, string scanner)
    {
        var id = (string?)result?["ruleId"] ?? "";
        var message = (string?)result?["message"]?["text"] ?? "";
        var firstLine = message.Split('\n')[0];
        var package = firstLine.StartsWith(PackagePrefix, StringComparison.Ordinal)
            ? firstLine[PackagePrefix.Length..].Trim() : "";
        var finding = new Finding(scanner, id, package, "", "");
        return triage.Entries.Any(entry => entry.Covers(finding));
    }
}
