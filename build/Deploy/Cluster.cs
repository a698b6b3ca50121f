namespace Build.Deploy;

/// <summary>
/// The helm and kubectl calls of a deploy, all against one namespace, context and kubeconfig. A dry run prints each
/// command and gets no answer: this is the one place that decides what the deploy assumes then, so the rollouts and
/// the preflight read the same in both modes.
/// </summary>
public sealed class Cluster(BuildContext context, DeploySettings settings, FilePath? kubeConfig)
{
    private readonly KubeTarget _target = new(settings.Release.Namespace, settings.Cluster.KubeContext, kubeConfig);
    private int? _helmMajorVersion;

    /// <summary>Logs what a real run would do at this point; a real run says nothing.</summary>
    public void Plan(string text)
    {
        if (context.DryRun)
        {
            context.Information($"[dry-run] {text}");
        }
    }

    /// <summary>
    /// <c>helm status -o json</c>; a dry run goes on as if the release were <paramref name="assumedInDryRun"/>.
    /// </summary>
    public HelmStatusResult Status(string release, HelmReleaseStatus assumedInDryRun = HelmReleaseStatus.Deployed)
    {
        try
        {
            return context.HelmStatus(release, Helm);
        }
        catch (FormatException) when (context.DryRun)
        {
            context.Information($"[dry-run] assuming release {release} is {Describe(assumedInDryRun)}");
            return new HelmStatusResult(release, assumedInDryRun);
        }
    }

    // Asked only about a pending release, which a dry run never assumes.
    public IReadOnlyList<HelmRevision> History(string release) => context.HelmHistory(release, Helm);

    public void Upgrade(string release, IReadOnlyDictionary<string, string> images,
        IReadOnlyDictionary<string, string>? values = null) =>
        context.HelmUpgrade(new HelmUpgradeSettings
        {
            Target = _target,
            Release = release,
            Chart = settings.Chart.Folder.FullPath,
            ValuesFiles = [settings.Chart.ValuesFile, .. settings.Chart.ExtraValuesFiles],
            // A person's --set wins over what the pipeline sets, as a later --set does in helm.
            SetValues = new[] { PullSecret, values ?? new Dictionary<string, string>(), settings.Chart.ExtraSetValues }
                .SelectMany(layer => layer)
                .GroupBy(pair => pair.Key)
                .ToDictionary(group => group.Key, group => group.Last().Value),
            HelmMajorVersion = HelmMajorVersion,
            Timeout = settings.Timeouts.HelmWait,
            StringValues = images,
        });

    /// <summary>
    /// The image values a release runs now, from <c>helm get values -o json</c>. A weight step passes them again
    /// rather than <c>--reuse-values</c>, which would also reuse values of an older chart that its schema now rejects.
    /// </summary>
    public IReadOnlyDictionary<string, string> CurrentImages(string release)
    {
        var json = context.HelmUserValues(release, Helm).Output;
        if (json.Trim().Length == 0 && context.DryRun)
        {
            context.Information(
                $"[dry-run] the images {release} runs now are unknown: each weight step re-passes them, " +
                $"whatever `helm get values {release}` says.");
            return new Dictionary<string, string>();
        }
        return ParseImages(json, release);
    }

    /// <summary>
    /// The <see cref="ChartNames.ImageValues"/> present in helm's JSON; the chart's defaults cover the rest.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ParseImages(string json, string release)
    {
        try
        {
            var root = JsonNode.Parse(json.Trim().Length == 0 ? "null" : json);
            return ChartNames.ImageValues
                .Select(path => (
                    Path: path,
                    Value: path.Split('.').Aggregate(root, (node, key) => (node as JsonObject)?[key]) as JsonValue))
                .Where(found => found.Value?.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
                .ToDictionary(found => found.Path, found => found.Value!.ToString());
        }
        catch (JsonException error)
        {
            throw new DeployException(
                $"`helm get values {release} -o json` did not print JSON ({error.Message}); " +
                "the stable release's images are unknown, so no weight step can keep them.", error);
        }
    }

    public void Rollback(string release, int revision) =>
        context.HelmRollback(release, revision,
            new HelmSettings { Target = _target, Timeout = settings.Timeouts.HelmWait }, HelmMajorVersion);

    public void Uninstall(string release) =>
        context.HelmUninstall(release, new HelmSettings { Target = _target, Timeout = settings.Timeouts.HelmWait });

    public void WaitForRollout(string release)
    {
        foreach (var component in ChartNames.Components)
        {
            context.KubectlRolloutStatus(ChartNames.Deployment(release, component), settings.Timeouts.RolloutWait,
                new KubectlSettings { Target = _target });
        }
    }

    /// <summary><c>kubectl get &lt;kind&gt; &lt;name&gt; --ignore-not-found</c>; a dry run assumes it exists.</summary>
    public bool Exists(
        string kind, string name, bool namespaced, TimeSpan limit, Func<ToolResult, Exception> unreachable)
    {
        var result = context.KubectlFind(kind, name, Kubectl(limit, namespaced));
        return context.DryRun || (result.Succeeded ? result.Output.Trim().Length > 0 : throw unreachable(result));
    }

    /// <summary>
    /// <c>kubectl get &lt;kind&gt; &lt;name&gt; -o json</c> in <paramref name="ns"/> (null: cluster-scoped): the
    /// object, or null when it does not exist (and in a dry run, which gets no answer).
    /// </summary>
    public JsonNode? Json(string kind, string name, string? ns, TimeSpan limit, Func<ToolResult, Exception> unreachable)
    {
        var kubectl = new KubectlSettings { Target = _target with { Namespace = ns }, ToolTimeout = limit };
        var result = context.KubectlGetObject(kind, name, kubectl);
        if (!result.Succeeded && !context.DryRun)
        {
            throw unreachable(result);
        }
        try
        {
            return result.Output.Trim().Length == 0 ? null : JsonNode.Parse(result.Output);
        }
        catch (JsonException error)
        {
            throw new DeployException(
                $"`kubectl get {kind} {name} -o json` did not print JSON ({error.Message}).", error);
        }
    }

    /// <summary><c>kubectl auth can-i</c>; a dry run assumes yes. Anything but a yes or a no means no answer.</summary>
    public bool CanI(ClusterPermission permission, TimeSpan limit, Func<ToolResult, Exception> unreachable)
    {
        var kubectl = permission.Namespace is { } other
            ? new KubectlSettings { Target = _target with { Namespace = other }, ToolTimeout = limit }
            : Kubectl(limit, permission.Namespaced);
        var answer = context.KubectlCanI(permission.Verb, permission.Resource, kubectl);
        return context.DryRun || (ReadCanI(answer) ?? throw unreachable(answer));
    }

    /// <summary>
    /// kubectl's answer: it prints "yes", or "no" followed by " - &lt;reason&gt;" and " - &lt;evaluation error&gt;"
    /// when the authorizer gives them, and exits 1 on a no (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go, read
    /// 2026-12-07). Null when kubectl did not get an answer (no server, no credentials).
    /// </summary>
    public static bool? ReadCanI(ToolResult answer)
    {
        var first = answer.Output.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "";
        return first switch
        {
            "yes" when answer.Succeeded => true,
            "no" => false,
            _ when first.StartsWith("no - ", StringComparison.Ordinal) => false,
            _ => null,
        };
    }

    /// <summary>
    /// A quick kubectl call, stopped after <paramref name="limit"/> (else the definition's ClusterCall bound).
    /// </summary>
    public KubectlSettings Kubectl(TimeSpan? limit = null, bool namespaced = true) => new()
    {
        Target = namespaced ? _target : _target with { Namespace = null },
        ToolTimeout = limit ?? settings.Timeouts.ClusterCall,
    };

    public KubectlVersionInfo Versions() =>
        context.KubectlVersion(new KubectlSettings { Target = _target with { Namespace = null } });

    // Commands a person runs by hand, for the hints in messages.
    public string KubectlCommand(string command, bool namespaced = true) =>
        $"kubectl {command}{(namespaced ? $" -n {settings.Release.Namespace}" : "")}" +
        $"{(settings.Cluster.KubeContext is { } name ? $" --context {name}" : "")}";

    public string HelmCommand(string command) =>
        $"helm {command} -n {settings.Release.Namespace}" +
        $"{(settings.Cluster.KubeContext is { } name ? $" --kube-context {name}" : "")}";

    /// <summary>helm's word for a status; "not installed" for a release helm does not know.</summary>
    public static string Describe(HelmReleaseStatus status) =>
        status == HelmReleaseStatus.NotFound ? "not installed" : status.ToWire();

    /// <summary>
    /// Asked once per deploy; a dry run assumes the pinned helm (the definition's DeployTools). A helm that does not
    /// say gets --atomic, which helm 3 and 4 both accept.
    /// </summary>
    private int HelmMajorVersion => _helmMajorVersion ??= context.DryRun
        ? int.Parse(SovdPipeline.DeployTools.Helm.TrimStart('v').Split('.')[0], CultureInfo.InvariantCulture)
        : context.HelmMajorVersion() ?? 3;

    private HelmSettings Helm => new()
    {
        Target = _target,
        ToolTimeout = settings.Timeouts.ClusterCall,
    };

    private Dictionary<string, string> PullSecret => settings.Images.PullSecret is { } secret
        ? new Dictionary<string, string> { [ChartNames.PullSecretName] = secret }
        : [];
}
