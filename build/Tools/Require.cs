namespace Build.Tools;

/// <summary>Argument checks whose messages say which setting is missing and what to put there.</summary>
public static class Require
{
    public static string Value(string? value, string setting, string example) => string.IsNullOrWhiteSpace(value)
        ? throw new ArgumentException($"{setting} is empty: set it (e.g. {example}).", setting)
        : value;

    public static IReadOnlyList<string> Paths(IReadOnlyList<string> paths, string setting, string what) =>
        paths.Count > 0
        ? paths
        : throw new ArgumentException($"{setting} is empty: name {what}.", setting);

    public static T NotNull<T>(T? value, string setting, string example) where T : class =>
        value ?? throw new ArgumentException($"{setting} is not set: set it (e.g. {example}).", setting);

    public static IReadOnlyList<string> Values(IEnumerable<string> values, string setting, string example)
    {
        var list = values.ToList();
        if (list.Count == 0 || list.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException(
                $"{setting} is empty or has a blank entry: give at least one value (e.g. {example}).", setting);
        }
        return list;
    }
}
