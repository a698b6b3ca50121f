namespace Build.Tools.Helm;

[CakeAliasCategory("Helm")]
public static class HelmAliases
{
    [CakeMethodAlias]
    public static ToolResult HelmUpgrade(this ICakeContext context, HelmUpgradeSettings settings) => new HelmRunner(context).Upgrade(settings);

    /// <summary>The release's status; <see cref="HelmReleaseStatus.NotFound"/> when it was never installed.</summary>
    [CakeMethodAlias]
    public static HelmStatusResult HelmStatus(this ICakeContext context, string release, HelmSettings? settings = null) =>
        new HelmRunner(context).Status(release, settings ?? new HelmSettings());

    [CakeMethodAlias]
    public static IReadOnlyList<HelmRevision> HelmHistory(this ICakeContext context, string release, HelmSettings? settings = null, int? max = null) =>
        new HelmRunner(context).History(release, settings ?? new HelmSettings(), max);

    /// <summary>The helm on hand's major version (3, 4), or null when it does not say.</summary>
    [CakeMethodAlias]
    public static int? HelmMajorVersion(this ICakeContext context, HelmSettings? settings = null) =>
        new HelmRunner(context).MajorVersion(settings ?? new HelmSettings());

    /// <summary><c>helm get values -o json</c>: the values a release was installed or upgraded with.</summary>
    [CakeMethodAlias]
    public static ToolResult HelmUserValues(this ICakeContext context, string release, HelmSettings? settings = null) =>
        new HelmRunner(context).UserValues(release, settings ?? new HelmSettings());

    [CakeMethodAlias]
    public static ToolResult HelmRollback(this ICakeContext context, HelmRollbackSettings settings) => new HelmRunner(context).Rollback(settings);

    [CakeMethodAlias]
    public static ToolResult HelmUninstall(this ICakeContext context, HelmUninstallSettings settings) => new HelmRunner(context).Uninstall(settings);
}

/// <summary>The helm CLI (3 or 4): upgrade --install, status, history, get values, rollback, uninstall.</summary>
public sealed class HelmRunner(ICakeContext context) : CheckedTool<HelmSettings>(context, HelmSettings.Spec)
{
    private static readonly ToolInvocation CaptureQuietly = new() { CaptureOutput = true, CaptureError = true, ThrowOnNonZeroExit = false };

    public ToolResult Upgrade(HelmUpgradeSettings settings)
    {
        var arguments = Command("upgrade", "--install")
            .AppendValue(Release(settings.Release))
            .AppendValue(Require.Value(settings.Chart, "HelmUpgradeSettings.Chart", "deploy/helm/sovd-webapp"))
            .AppendFlag("--create-namespace", settings.CreateNamespace);
        foreach (var file in settings.ValuesFiles)
        {
            arguments.AppendPathOption("-f", file, Environment);
        }
        arguments.AppendKeyValues("--set", settings.SetValues)
            .AppendSecretKeyValues("--set", settings.SecretValues, EscapeSetValue)
            .AppendFlag("--wait", settings.Wait)
            // helm 4 renamed --atomic; it still accepts the old name, but warns on every upgrade.
            .AppendFlag(settings.HelmMajorVersion >= 4 ? "--rollback-on-failure" : "--atomic", settings.Atomic);
        return Execute(settings, Global(arguments, settings));
    }

    /// <summary>The major version of the helm on hand (<c>helm version --template {{.Version}}</c> → v4.1.4 → 4), or null.</summary>
    public int? MajorVersion(HelmSettings settings)
    {
        var result = Execute(settings, Command("version").AppendOption("--template", "{{.Version}}"), CaptureQuietly with { Silent = true });
        var text = result.Output.Trim().TrimStart('v');
        return result.Succeeded && int.TryParse(text.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : null;
    }

    /// <summary><c>helm status &lt;release&gt; -o json</c>; a missing release is <see cref="HelmReleaseStatus.NotFound"/>, not an error.</summary>
    public HelmStatusResult Status(string release, HelmSettings settings)
    {
        var result = Execute(settings, Global(Command("status").AppendValue(Release(release)).AppendOption("-o", "json"), settings), CaptureQuietly);
        if (result.Succeeded)
        {
            return HelmJsonParser.Status(release, result.Output);
        }
        if (IsReleaseNotFound(result))
        {
            return new HelmStatusResult(release, HelmReleaseStatus.NotFound);
        }
        ThrowIfWanted(settings, result, "status");
        return new HelmStatusResult(release, HelmReleaseStatus.Unknown, Error: result.Error);
    }

    /// <summary><c>helm history &lt;release&gt; -o json</c>, oldest first; empty for a release that does not exist.</summary>
    public IReadOnlyList<HelmRevision> History(string release, HelmSettings settings, int? max = null)
    {
        var arguments = Command("history").AppendValue(Release(release)).AppendOption("-o", "json")
            .AppendOptionIfSet("--max", max?.ToString(CultureInfo.InvariantCulture));
        var result = Execute(settings, Global(arguments, settings), CaptureQuietly);
        if (result.Succeeded)
        {
            return HelmJsonParser.History(result.Output);
        }
        if (!IsReleaseNotFound(result))
        {
            ThrowIfWanted(settings, result, "history");
        }
        return [];
    }

    /// <summary>
    /// <c>helm get values &lt;release&gt; -o json</c>: the values the release was given (not the chart's defaults), as
    /// helm prints them (one JSON object; the callers also take <c>null</c>) in <see cref="ToolResult.Output"/>; empty in a dry run.
    /// </summary>
    public ToolResult UserValues(string release, HelmSettings settings)
    {
        var arguments = Command("get", "values").AppendValue(Release(release)).AppendOption("-o", "json");
        var result = Execute(settings, Global(arguments, settings), CaptureQuietly);
        if (!result.Succeeded)
        {
            ThrowIfWanted(settings, result, "get values");
        }
        return result;
    }

    public ToolResult Rollback(HelmRollbackSettings settings) => Execute(settings, Global(Command("rollback")
        .AppendValue(Release(settings.Release))
        .AppendOptionalValue(settings.Revision?.ToString(CultureInfo.InvariantCulture))
        .AppendFlag("--wait", settings.Wait), settings));

    public ToolResult Uninstall(HelmUninstallSettings settings) =>
        Execute(settings, Global(Command("uninstall").AppendValue(Release(settings.Release)).AppendFlag("--wait", settings.Wait), settings));

    /// <summary>helm's <c>--set</c> splits on commas and treats backslashes as escapes; a secret must survive both verbatim.</summary>
    private static string EscapeSetValue(string value) => value.Replace("\\", "\\\\").Replace(",", "\\,");

    /// <summary>The timeout and global flags go last so every helm line reads: command, subject, options, then where.</summary>
    private static ProcessArgumentBuilder Global(ProcessArgumentBuilder arguments, HelmSettings settings) => arguments
        .AppendOptionIfSet("--timeout", settings.Timeout is { } timeout ? GoDuration.Format(timeout) : null)
        .AppendOptionIfSet("-n", settings.Namespace)
        .AppendOptionIfSet("--kube-context", settings.KubeContext);

    private static bool IsReleaseNotFound(ToolResult result) =>
        result.StandardError.Any(line => line.Contains("release: not found", StringComparison.OrdinalIgnoreCase));

    private static string Release(string release) => Require.Value(release, "release", "sovd-webapp");
}
