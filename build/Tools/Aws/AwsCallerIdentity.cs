namespace Build.Tools.Aws;

/// <summary>
/// What <c>aws sts get-caller-identity --output json</c> prints: <c>{"UserId": …, "Account": …, "Arn": …}</c>
/// (STS GetCallerIdentity's response elements). An assumed role's ARN is
/// <c>arn:aws:sts::&lt;account&gt;:assumed-role/&lt;role&gt;/&lt;session&gt;</c>.
/// </summary>
public sealed record AwsCallerIdentity(string UserId, string Account, string Arn)
{
    public static AwsCallerIdentity Parse(string json)
    {
        AwsCallerIdentity? identity;
        try
        {
            identity = JsonSerializer.Deserialize<AwsCallerIdentity>(json);
        }
        catch (JsonException error)
        {
            throw new FormatException($"aws sts get-caller-identity printed no JSON ({error.Message}).", error);
        }
        var fields =
            new (string Name, string? Value)[] { ("UserId", identity?.UserId), ("Account", identity?.Account),
            ("Arn", identity?.Arn) };
        var missing = fields.FirstOrDefault(field => field.Value is null).Name;
        return missing is null ? identity!
            : throw new FormatException($"aws sts get-caller-identity printed no \"{missing}\".");
    }
}
