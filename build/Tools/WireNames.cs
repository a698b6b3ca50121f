namespace Build.Tools;

/// <summary>Maps enum members to and from their <see cref="WireNameAttribute"/> spelling.</summary>
public static class WireNames
{
    public static string ToWire<TEnum>(this TEnum value) where TEnum : struct, Enum
    {
        var field = typeof(TEnum).GetField(value.ToString());
        return field?.GetCustomAttribute<WireNameAttribute>()?.Name
            ?? throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} has no wire name for '{value}'.");
    }

    public static bool TryParse<TEnum>(string? wire, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var member in Enum.GetValues<TEnum>())
        {
            var field = typeof(TEnum).GetField(member.ToString());
            if (string.Equals(field?.GetCustomAttribute<WireNameAttribute>()?.Name, wire, StringComparison.OrdinalIgnoreCase))
            {
                value = member;
                return true;
            }
        }
        value = default;
        return false;
    }
}

/// <summary>The spelling a tool uses for an enum member on its command line or in its JSON.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class WireNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
