namespace Build.Deploy;

/// <summary>Object names the sovd-webapp chart gives a release (its <c>sovd.fullname</c> and <c>sovd.componentName</c> helpers).</summary>
public static class ChartNames
{
    public const string Chart = "sovd-webapp";
    public static readonly IReadOnlyList<string> Components = ["backend", "frontend"];

    /// <summary>The Deployment of one component, e.g. sovd-webapp-canary-backend.</summary>
    public static string Deployment(string release, string component)
    {
        var fullName = Trim(release.Contains(Chart, StringComparison.Ordinal) ? release : $"{release}-{Chart}", 63);
        return $"{Trim(fullName, 54)}-{component}";
    }

    private static string Trim(string name, int length) => (name.Length > length ? name[..length] : name).TrimEnd('-');
}
