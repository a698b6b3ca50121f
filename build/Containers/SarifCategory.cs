namespace Build.Containers;

/// <summary>
/// Gives each image's SARIF its own code-scanning category. Both files come from the same tool; GitHub rejects
/// several runs of one tool with the same category in one upload, and a later upload would replace the earlier one.
/// </summary>
public static class SarifCategory
{
    public static void Set(string sarifFile, string category)
    {
        var document = JsonNode.Parse(File.ReadAllText(sarifFile)) as JsonObject
            ?? throw new InvalidDataException($"{sarifFile} is not a SARIF object.");
        if (document["runs"] is not JsonArray runs)
        {
            throw new InvalidDataException($"{sarifFile} has no \"runs\" array: not a SARIF report.");
        }
        foreach (var run in runs.OfType<JsonObject>())
        {
            // The id ends with '/' so GitHub reads it as the category only, without a run id.
            run["automationDetails"] = new JsonObject { ["id"] = category.TrimEnd('/') + "/" };
        }
        File.WriteAllText(sarifFile, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
