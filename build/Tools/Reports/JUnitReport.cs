namespace Build.Tools.Reports;

/// <summary>
/// The totals of a JUnit XML report (pytest's --junitxml, vitest's junit reporter) and the failed tests' names.
/// </summary>
public sealed record JUnitReport(int Tests, int Failures, int Errors, int Skipped, IReadOnlyList<string> FailedTests)
{
    public int Failed => Failures + Errors;

    public int Passed => Tests - Failed - Skipped;

    public static JUnitReport Read(string path)
    {
        var document = XDocument.Load(path);
        // Totals come from the testsuite elements only: the testsuites root repeats them (pytest, vitest) or omits
        // them.
        var suites = document.Descendants("testsuite").ToList();
        var failed = document.Descendants("testcase")
            .Where(test => test.Element("failure") is not null || test.Element("error") is not null)
            .Select(test => $"{(string?)test.Attribute("classname")} > {(string?)test.Attribute("name")}")
            .ToList();
        return new JUnitReport(Sum(suites, "tests"), Sum(suites, "failures"), Sum(suites, "errors"),
            Sum(suites, "skipped"), failed);
    }

    private static int Sum(IEnumerable<XElement> suites, string attribute) =>
        suites.Sum(suite => int.TryParse((string?)suite.Attribute(attribute), out var value) ? value : 0);
}
