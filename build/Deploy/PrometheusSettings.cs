namespace Build.Deploy;

/// <summary>
/// Where the canary analysis asks Prometheus (README "Canary analysis"): <c>--prometheus-url</c> (or PROMETHEUS_URL),
/// or <c>--prometheus-service=&lt;namespace&gt;/&lt;service&gt;:&lt;port&gt;</c> reached through
/// <c>kubectl port-forward</c>,
/// with an optional bearer token in PROMETHEUS_TOKEN (environment only: never an argument, never printed). The
/// selector narrows every query to this deploy's series when one Prometheus scrapes several environments; by default
/// <c>namespace="&lt;the deploy's namespace&gt;"</c>, the label Prometheus' Kubernetes discovery examples and the
/// Prometheus Operator put on pod targets; <c>--prometheus-selector=</c> (empty) turns it off. Without a URL there is
/// no analysis: the synthetic probe through the canary header alone judges each step.
/// </summary>
public sealed partial record PrometheusSettings(Uri? Url, PrometheusService? Service, string? Token, string Selector)
{
    public const string UrlArgument = "prometheus-url";
    public const string SelectorArgument = "prometheus-selector";
    public const string ServiceArgument = "prometheus-service";
    public const string UrlVariable = "PROMETHEUS_URL";
    public const string TokenVariable = "PROMETHEUS_TOKEN";

    public static PrometheusSettings From(BuildContext context, DeploySettings settings) =>
        Read(context, settings, []);

    /// <summary>Every problem of the Prometheus settings, for the deploy's preflight.</summary>
    public static IEnumerable<string> Problems(BuildContext context, DeploySettings settings)
    {
        var problems = new List<string>();
        Read(context, settings, problems);
        return problems;
    }

    private static PrometheusSettings Read(BuildContext context, DeploySettings settings, List<string> problems)
    {
        var text = context.ArgumentOrNull(UrlArgument) ?? context.Variable(UrlVariable);
        Uri? url = null;
        if (text is not null && (!Uri.TryCreate(text, UriKind.Absolute, out url)
                                 || url.Scheme is not ("http" or "https") || url.UserInfo.Length > 0))
        {
            problems.Add($"--{UrlArgument} (or {UrlVariable}) '{Redacted(text)}' " +
                         "is not an http(s) URL without credentials: " +
                         $"give Prometheus' base URL, e.g. http://127.0.0.1:9090, and a token in {TokenVariable}.");
            url = null;
        }
        if (url is not null && AmazonManaged().IsMatch(url.Host))
        {
            problems.Add(AmpRefused(url.Host));
            url = null;
        }
        var serviceText = context.ArgumentOrNull(ServiceArgument);
        var service = serviceText is null ? null : PrometheusService.Parse(serviceText);
        if (serviceText is not null && service is null)
        {
            problems.Add($"--{ServiceArgument}='{serviceText}' is not <namespace>/<service>:<port> " +
                         "(e.g. monitoring/prometheus-operated:9090).");
        }
        if (serviceText is not null && text is not null)
        {
            problems.Add(
                $"--{ServiceArgument} and --{UrlArgument} ({UrlVariable}) both say where Prometheus is: give one.");
        }
        var selector = context.Argument(SelectorArgument, $"namespace=\"{settings.Release.Namespace}\"").Trim();
        if (selector.Length > 0 && !SelectorShape().IsMatch(selector))
        {
            problems.Add($"--{SelectorArgument}='{selector}' is not a list of label matchers " +
                         "such as namespace=\"production\",cluster=~\"eu-.*\" " +
                         "(it goes inside every query's braces); pass --prometheus-selector= to use none.");
        }
        return new PrometheusSettings(url, service, context.Variable(TokenVariable), selector);
    }

    // Amazon Managed Service for Prometheus answers only SigV4-signed requests (docs.aws.amazon.com/prometheus/
    // latest/userguide/AMP-onboard-query-APIs.html; its data plane hosts start with aps-workspaces:
    // docs.aws.amazon.com/general/latest/gr/prometheus-service.html, both read 2026-12-07). The deploy signs nothing,
    // so it refuses the URL up front instead of failing every query with 403 mid-rollout.
    private static string AmpRefused(string host) =>
        $"--{UrlArgument} (or {UrlVariable}) points at Amazon Managed Service for Prometheus ({host}), " +
        "whose queries must be signed with AWS SigV4, which the deploy does not do: give the in-cluster Prometheus " +
        $"that remote-writes to it with --{ServiceArgument}=<namespace>/<service>:<port>, " +
        "or a SigV4 proxy's URL (aws-sigv4-proxy) in front of the workspace.";

    [GeneratedRegex(@"^aps-workspaces(-fips)?\.[a-z0-9-]+\.(amazonaws\.com|api\.aws)$", RegexOptions.IgnoreCase)]
    private static partial Regex AmazonManaged();

    // A URL's user:password part is cut before it is echoed back.
    private static string Redacted(string text) => AtSign().Replace(text, "//***@");

    [GeneratedRegex(
        """^[a-zA-Z_][a-zA-Z0-9_]*\s*(=|!=|=~|!~)\s*"[^"\\]*"(""" +
        """\s*,\s*[a-zA-Z_][a-zA-Z0-9_]*\s*(=|!=|=~|!~)\s*"[^"\\]*")*$""")]
    private static partial Regex SelectorShape();

    [GeneratedRegex("//[^/@]*@")]
    private static partial Regex AtSign();
}
