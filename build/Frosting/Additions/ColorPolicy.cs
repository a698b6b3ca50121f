namespace Build.Frosting.Additions;

internal static class ColorPolicy
{
    /// <summary>
    /// Colours unless NO_COLOR is set (https://no-color.org) or output goes to a pipe/file outside CI:
    /// Cake's own detection only looks at TERM and writes escape codes into pipes.
    /// </summary>
    public static bool Enabled(ICakeEnvironment environment, bool outputRedirected)
    {
        if (!string.IsNullOrEmpty(environment.GetEnvironmentVariable("NO_COLOR")))
        {
            return false;
        }

        var onCi = !string.IsNullOrEmpty(environment.GetEnvironmentVariable("GITHUB_ACTIONS"))
            || !string.IsNullOrEmpty(environment.GetEnvironmentVariable("TF_BUILD"));
        return onCi || !outputRedirected;
    }
}
