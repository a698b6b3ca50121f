namespace Build.Tools.Reports;

/// <summary>
/// The lenient reads every tool report needs: a missing or mistyped property is a fallback, never an exception.
/// </summary>
public static class Json
{
    /// <summary>The string property <paramref name="name"/> of an object, else <paramref name="fallback"/>.</summary>
    public static string? Text(this JsonElement element, string name, string? fallback = "") =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : fallback;

    /// <summary>The items of the array property <paramref name="name"/>; empty when there is none.</summary>
    public static IReadOnlyList<JsonElement> Items(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array)
            && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().ToList()
            : [];

    /// <summary>The entries of the object property <paramref name="name"/>; empty when there is none.</summary>
    public static IReadOnlyList<JsonProperty> Entries(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var entries)
            && entries.ValueKind == JsonValueKind.Object
            ? entries.EnumerateObject().ToList()
            : [];
}
