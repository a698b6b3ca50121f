namespace Build.Tools;

/// <summary>
/// Maps enum members to and from the spelling tools use: the member's name in kebab case (<c>PendingInstall</c> is
/// <c>pending-install</c>), or its <see cref="WireNameAttribute"/> where the tool spells it otherwise.
/// </summary>
public static class WireNames
{
    public static string ToWire<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        Enum.IsDefined(value)
            ? Wire(value)
            : throw new ArgumentOutOfRangeException(nameof(value), value,
                $"{typeof(TEnum).Name} has no member '{value}'.");

    public static bool TryParse<TEnum>(string? wire, out TEnum value) where TEnum : struct, Enum
    {
        var matches =
            Enum.GetValues<TEnum>().Where(
            member => string.Equals(Wire(member), wire, StringComparison.OrdinalIgnoreCase)).ToList();
        value = matches.FirstOrDefault();
        return matches.Count > 0;
    }

    private static string Wire<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        return typeof(TEnum).GetField(name)?.GetCustomAttribute<WireNameAttribute>()?.Name
            ?? string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}"
                : char.ToLowerInvariant(c).ToString()));
    }
}

/// <summary>The spelling a tool uses for an enum member on its command line or in its JSON.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class WireNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
