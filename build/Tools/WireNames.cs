namespace Build.Tools;

/// <summary>Maps enum members to and from their <see cref="WireNameAttribute"/> spelling.</summary>
public static class WireNames
{
    public static string ToWire<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        Wire(value)
            ?? throw new ArgumentOutOfRangeException(nameof(value), value,
            $"{typeof(TEnum).Name} has no wire name for '{value}'.");

    public static bool TryParse<TEnum>(string? wire, out TEnum value) where TEnum : struct, Enum
    {
        var matches =
            Enum.GetValues<TEnum>().Where(
            member => string.Equals(Wire(member), wire, StringComparison.OrdinalIgnoreCase)).ToList();
        value = matches.FirstOrDefault();
        return matches.Count > 0;
    }

    private static string? Wire<TEnum>(TEnum value) where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<WireNameAttribute>()?.Name;
}

/// <summary>The spelling a tool uses for an enum member on its command line or in its JSON.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class WireNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
