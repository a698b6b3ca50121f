namespace Build.Tools.Helm;

/// <summary>
/// <c>--set-string key=value</c> for any helm command. Plain <c>--set</c> turns a digits-only value (a short commit SHA)
/// into a number, which the chart's schema rejects for image tags.
/// </summary>
public static class HelmStringValues
{
    /// <summary>Appends one <c>--set-string</c> per entry, ordered by key, after the command's other arguments.</summary>
    public static T WithStringValues<T>(this T settings, IReadOnlyDictionary<string, string> values) where T : HelmSettings
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (values.Count == 0)
        {
            return settings;
        }
        var previous = settings.ArgumentCustomization;
        settings.ArgumentCustomization = arguments => (previous?.Invoke(arguments) ?? arguments).AppendKeyValues("--set-string", values);
        return settings;
    }
}
