namespace Build.Tools.Reports;

/// <summary>The totals on the root of a Cobertura XML report (coverage.py, istanbul/v8).</summary>
public sealed record CoberturaReport(int LinesValid, int LinesCovered, int BranchesValid, int BranchesCovered)
{
    public decimal LinePercent => Percent(LinesCovered, LinesValid);

    public decimal BranchPercent => Percent(BranchesCovered, BranchesValid);

    /// <summary>
    /// Lines and branches together: the "TOTAL" coverage.py prints and compares with fail_under when branch coverage is
    /// on.
    /// </summary>
    public decimal CombinedPercent => Percent(LinesCovered + BranchesCovered, LinesValid + BranchesValid);

    public static CoberturaReport Read(string path)
    {
        var root = XDocument.Load(path).Root
            ?? throw new InvalidDataException($"{path} is empty: no Cobertura <coverage> element.");
        int Count(string name) =>
            int.TryParse((string?)root.Attribute(name), NumberStyles.Integer, CultureInfo.InvariantCulture,
            out var value)
            ? value
            : throw new InvalidDataException(
                $"{path}: the <coverage> element has no '{name}' count; is it a Cobertura report?");
        return new CoberturaReport(Count("lines-valid"), Count("lines-covered"), Count("branches-valid"),
            Count("branches-covered"));
    }

    // Nothing to measure counts as fully covered, as coverage.py reports it.
    private static decimal Percent(int covered, int valid) => valid == 0 ? 100m : Math.Round(100m * covered / valid, 2);
}
