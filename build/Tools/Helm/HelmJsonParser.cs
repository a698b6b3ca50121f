namespace Build.Tools.Helm;

public static class HelmJsonParser
{
    public static HelmStatusResult Status(string release, string json)
    {
        using var document = Parse(json, "helm status");
        var root = document.RootElement;
        var status = root.TryGetProperty("info", out var info) ? ParseStatus(info.Text("status", null)) : HelmReleaseStatus.Unknown;
        int? revision = root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number ? version.GetInt32() : null;
        return new HelmStatusResult(root.Text("name", null) is { Length: > 0 } name ? name : release, status, revision, root.Text("namespace", null));
    }

    public static IReadOnlyList<HelmRevision> History(string json)
    {
        using var document = Parse(json, "helm history");
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("helm history -o json did not print a JSON array.");
        }
        return document.RootElement.EnumerateArray().Select(entry => new HelmRevision(
            entry.TryGetProperty("revision", out var revision) ? revision.GetInt32() : 0,
            ParseStatus(entry.Text("status", null)),
            entry.Text("chart")!,
            entry.Text("app_version")!,
            entry.Text("description")!,
            entry.Text("updated")!)).ToList();
    }

    private static HelmReleaseStatus ParseStatus(string? wire) =>
        WireNames.TryParse<HelmReleaseStatus>(wire, out var status) ? status : HelmReleaseStatus.Unknown;

    private static JsonDocument Parse(string json, string command)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new FormatException($"{command} -o json printed something that is not JSON: {error.Message}", error);
        }
    }
}

/// <summary>A release's <c>info.status</c> as helm reports it, plus <see cref="NotFound"/> when there is no such release.</summary>
public enum HelmReleaseStatus
{
    [WireName("unknown")] Unknown,
    [WireName("deployed")] Deployed,
    [WireName("uninstalled")] Uninstalled,
    [WireName("superseded")] Superseded,
    [WireName("failed")] Failed,
    [WireName("uninstalling")] Uninstalling,
    [WireName("pending-install")] PendingInstall,
    [WireName("pending-upgrade")] PendingUpgrade,
    [WireName("pending-rollback")] PendingRollback,
    NotFound,
}

public sealed record HelmStatusResult(string Release, HelmReleaseStatus Status, int? Revision = null, string? Namespace = null, string? Error = null)
{
    /// <summary>A previous operation was interrupted: a new upgrade would fail with "another operation is in progress".</summary>
    public bool IsPending => Status is HelmReleaseStatus.PendingInstall or HelmReleaseStatus.PendingUpgrade or HelmReleaseStatus.PendingRollback;
}

public sealed record HelmRevision(int Revision, HelmReleaseStatus Status, string Chart, string AppVersion, string Description, string Updated);
