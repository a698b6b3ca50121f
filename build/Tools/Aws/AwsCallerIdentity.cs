namespace Build.Tools.Aws;

/// <summary>
/// What <c>aws sts get-caller-identity --output json</c> prints: <c>{"UserId": …, "Account": …, "Arn": …}</c>
/// (STS GetCallerIdentity's response elements). An assumed role's ARN is
/// <c>arn:aws:sts::&lt;account&gt;:assumed-role/&lt;role&gt;/&lt;session&gt;</c>.
/// </summary>
public sealed record AwsCallerIdentity(string UserId, string Account, string Arn)
{
    /// <summary>Parses the JSON; throws <see cref="FormatException"/> naming what is missing.</summary>
    public static AwsCallerIdentity Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return new AwsCallerIdentity(Text(root, "UserId"), Text(root, "Account"), Text(root, "Arn"));
        }
        catch (JsonException error)
        {
            throw new FormatException($"aws sts get-caller-identity printed no JSON ({error.Message}).", error);
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"aws sts get-caller-identity printed no \"{name}\".");
}
