using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.Helm;

/// <summary>The helm CLI (3 or 4): upgrade --install, status, history, get values, rollback, uninstall.</summary>
[CakeAliasCategory("Helm")]
public static class HelmAliases
{
    private static readonly ToolInvocation CaptureQuietly =
        new() { CaptureOutput = true, CaptureError = true, ThrowOnNonZeroExit = false };

    [CakeMethodAlias]
    public static ToolResult HelmUpgrade(this ICakeContext context, HelmUpgradeSettings settings)
    {
        var arguments = Command("upgrade", "--install")
            .AppendValue(Release(settings.Release))
            .AppendValue(Require.Value(settings.Chart, "HelmUpgradeSettings.Chart", "deploy/helm/sovd-webapp"))
            .AppendOptions("-f", settings.ValuesFiles.Select(file => AbsolutePath(file, context.Environment)))
            .AppendKeyValues("--set", settings.SetValues)
            .Append("--wait")
            // Rolls back by itself when the upgrade fails. helm 4 renamed --atomic; it still accepts the old name, but
            // warns on every upgrade.
            .Append(settings.HelmMajorVersion >= 4 ? "--rollback-on-failure" : "--atomic")
            .AppendFlag(ForceConflicts, settings.HelmMajorVersion >= 4);
        return HelmSettings.Spec.For(context).Run(settings,
            Global(arguments, settings).AppendKeyValues("--set-string", settings.StringValues));
    }

    /// <summary>
    /// <c>helm template &lt;release&gt; &lt;chart&gt; -f … --set …</c>: the manifests the chart renders, in
    /// <see cref="ToolResult.Output"/>; read-only, no cluster needed.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult HelmTemplate(this ICakeContext context, string release, string chart,
        IEnumerable<FilePath> valuesFiles, IReadOnlyDictionary<string, string> setValues, HelmSettings settings)
    {
        var arguments = Command("template").AppendValue(Release(release)).AppendValue(chart)
            .AppendOptions("-f", valuesFiles.Select(file => AbsolutePath(file, context.Environment)))
            .AppendKeyValues("--set", setValues);
        var result = HelmSettings.Spec.For(context).Run(settings, arguments, CaptureQuietly with { Silent = true });
        return result.Succeeded ? result : throw Failed(result, "template");
    }

    /// <summary>
    /// <c>helm status &lt;release&gt; -o json</c>; a missing release is <see cref="HelmReleaseStatus.NotFound"/>, not
    /// an error.
    /// </summary>
    [CakeMethodAlias]
    public static HelmStatusResult HelmStatus(this ICakeContext context, string release, HelmSettings settings)
    {
        var result =
            Run(context, settings, Command("status").AppendValue(Release(release)).AppendOption("-o", "json"),
            CaptureQuietly);
        if (result.Succeeded)
        {
            using var document = Parse(result.Output, "helm status");
            var root = document.RootElement;
            var status = root.TryGetProperty("info", out var info) ? ParseStatus(info.Text("status", null))
                : HelmReleaseStatus.Unknown;
            int? revision = root.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number
                ? version.GetInt32() : null;
            return new HelmStatusResult(root.Text("name", null) is { Length: > 0 } name ? name : release, status,
                revision);
        }
        if (IsReleaseNotFound(result))
        {
            return new HelmStatusResult(release, HelmReleaseStatus.NotFound);
        }
        throw Failed(result, "status");
    }

    /// <summary>
    /// <c>helm history &lt;release&gt; -o json</c>, oldest first; empty for a release that does not exist.
    /// </summary>
    [CakeMethodAlias]
    public static IReadOnlyList<HelmRevision> HelmHistory(this ICakeContext context, string release,
        HelmSettings settings)
    {
        var result =
            Run(context, settings, Command("history").AppendValue(Release(release)).AppendOption("-o", "json"),
            CaptureQuietly);
        if (result.Succeeded)
        {
            using var document = Parse(result.Output, "helm history");
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("helm history -o json did not print a JSON array.");
            }
            return document.RootElement.EnumerateArray().Select(entry => new HelmRevision(
                entry.TryGetProperty("revision", out var number) ? number.GetInt32() : 0,
                ParseStatus(entry.Text("status", null)))).ToList();
        }
        return IsReleaseNotFound(result) ? [] : throw Failed(result, "history");
    }

    /// <summary>
    /// The major version of the helm on hand (<c>helm version --template {{.Version}}</c> → v4.1.4 → 4), or null.
    /// </summary>
    [CakeMethodAlias]
    public static int? HelmMajorVersion(this ICakeContext context)
    {
        var version = Command("version").AppendOption("--template", "{{.Version}}");
        var result =
            HelmSettings.Spec.For(context).Run(new HelmSettings(), version, CaptureQuietly with { Silent = true });
        var text = result.Output.Trim().TrimStart('v');
        return result.Succeeded
            && int.TryParse(text.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major
            : null;
    }

    /// <summary>
    /// <c>helm get values &lt;release&gt; -o json</c>: the values the release was given (not the chart's defaults), as
    /// helm prints them (one JSON object; the callers also take <c>null</c>) in <see cref="ToolResult.Output"/>; empty
    /// in a dry run.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult HelmUserValues(this ICakeContext context, string release, HelmSettings settings)
    {
        var result =
            Run(context, settings, Command("get", "values").AppendValue(Release(release)).AppendOption("-o", "json"),
            CaptureQuietly);
        return result.Succeeded ? result : throw Failed(result, "get values");
    }

    /// <summary>
    /// <c>helm rollback &lt;release&gt; &lt;revision&gt; --wait</c>; helm 4 also forces conflicts, as an upgrade does.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult HelmRollback(this ICakeContext context, string release, int revision,
        HelmSettings settings, int helmMajorVersion = 3) => Run(context, settings, Command("rollback")
        .AppendValue(Release(release))
        .AppendValue(revision.ToString(CultureInfo.InvariantCulture))
        .Append("--wait")
        .AppendFlag(ForceConflicts, helmMajorVersion >= 4));

    /// <summary>
    /// helm 4 applies server-side by default (v4.1.4 pkg/cmd/install.go: --server-side defaults to true; upgrade.go and
    /// rollback.go: "auto", the previous release's method; read 2026-12-07) as field manager "helm". A field another
    /// manager changed since (<c>kubectl scale</c>, <c>kubectl edit</c>) makes the apply fail with "conflict occurred
    /// while applying object" (pkg/kube/client.go). The chart and values are the source of truth: the pipeline forces
    /// (--force-conflicts: "server-side apply will force changes against conflicts"), taking such fields back.
    /// </summary>
    private const string ForceConflicts = "--force-conflicts";

    [CakeMethodAlias]
    public static ToolResult HelmUninstall(this ICakeContext context, string release, HelmSettings settings) =>
        Run(context, settings, Command("uninstall").AppendValue(Release(release)).Append("--wait"));

    private static ToolResult Run(ICakeContext context, HelmSettings settings, ProcessArgumentBuilder arguments,
        ToolInvocation? invocation = null) =>
        HelmSettings.Spec.For(context).Run(settings, Global(arguments, settings), invocation);

    /// <summary>
    /// The timeout and global flags go last so every helm line reads: command, subject, options, then where.
    /// </summary>
    private static ProcessArgumentBuilder Global(ProcessArgumentBuilder arguments, HelmSettings settings) => arguments
        .AppendOptionIfSet("--timeout", settings.Timeout is { } timeout ? GoDuration.Format(timeout) : null)
        .AppendOptionIfSet("-n", settings.Target.Namespace)
        .AppendOptionIfSet("--kube-context", settings.Target.Context);

    private static CakeException Failed(ToolResult result, string command) =>
        new(result.ExitCode, $"helm {command} failed (exit code {result.ExitCode}): {result.Error}");

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

    private static bool IsReleaseNotFound(ToolResult result) =>
        result.StandardError.Any(line => line.Contains("release: not found", StringComparison.OrdinalIgnoreCase));

    private static string Release(string release) => Require.Value(release, "release", "sovd-webapp");
}
