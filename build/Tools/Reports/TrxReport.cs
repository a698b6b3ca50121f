namespace Build.Tools.Reports;

/// <summary>The counters of one or more .trx files (dotnet test --logger trx) and the failed tests' names.</summary>
public sealed record TrxReport(int Total, int Passed, int Failed, int NotExecuted, IReadOnlyList<string> FailedTests)
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TrxReport Read(IEnumerable<string> paths)
    {
        var documents = paths.Select(XDocument.Load).ToList();
        var counters =
            documents.Select(
            document => document.Descendants(Ns + "Counters").FirstOrDefault()).OfType<XElement>().ToList();
        var failed = documents.SelectMany(document => document.Descendants(Ns + "UnitTestResult"))
            .Where(result => (string?)result.Attribute("outcome") == "Failed")
            .Select(result => (string?)result.Attribute("testName") ?? "?")
            .ToList();
        return new TrxReport(Sum(counters, "total"), Sum(counters, "passed"), Sum(counters, "failed"),
            Sum(counters, "notExecuted"), failed);
    }

    private static int Sum(IEnumerable<XElement> counters, string attribute) =>
        counters.Sum(counter => int.TryParse((string?)counter.Attribute(attribute), out var value) ? value : 0);
}
