namespace Build.Deploy;

/// <summary>
/// The request header that sends a request to the canary release whatever its weight: the chart matches it
/// (values in <see cref="ChartNames"/>), the smoke tests and the error-rate probe send it.
/// </summary>
public sealed partial record CanaryHeader(string Name, string Value)
{
    public static CanaryHeader Parse(string text, List<string> problems)
    {
        var match = Shape().Match(text);
        if (match.Success)
        {
            return new CanaryHeader(match.Groups[1].Value, match.Groups[2].Value.Trim());
        }
        problems.Add($"--canary-header='{text}' is not 'Name: value' (e.g. '{Settings.DeploySettings.DefaultCanaryHeader}').");
        return new CanaryHeader("X-Canary", "always");
    }

    public override string ToString() => $"{Name}: {Value}";

    [GeneratedRegex(@"^([0-9A-Za-z_-]+):\s*(\S[ -~]*)$")]
    private static partial Regex Shape();
}
