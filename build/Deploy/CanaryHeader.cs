namespace Build.Deploy;

/// <summary>
/// The request header that sends a request to the canary release whatever its weight: the chart matches it
/// (values in <see cref="ChartNames"/>), the smoke tests and the error-rate probe send it.
/// </summary>
public sealed partial record CanaryHeader(string Name, string Value)
{
    public static readonly CanaryHeader Default = new("X-Canary", "always");

    public static CanaryHeader Parse(string text, List<string> problems)
    {
        var match = Shape().Match(text);
        if (!match.Success)
        {
            problems.Add($"--{ArgumentNames.CanaryHeader}='{text}' is not 'Name: value' (e.g. '{Default}').");
            return Default;
        }
        var header = new CanaryHeader(match.Groups[1].Value, match.Groups[2].Value.Trim());
        if (header.Value != "always")
        {
            problems.Add(
                $"--{ArgumentNames.CanaryHeader}='{header}': this chart routes the header to the canary only on the " +
                "value 'always' (its HTTPRoute header match and ingress-nginx canary-by-header-value both use it).");
        }
        return header;
    }

    public override string ToString() => $"{Name}: {Value}";

    [GeneratedRegex(@"^([0-9A-Za-z_-]+):\s*(\S[ -~]*)$")]
    private static partial Regex Shape();
}
