using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Aws;

/// <summary>The AWS CLI (v2): who am I, a kubeconfig for an EKS cluster, and the ECR login password.</summary>
public sealed class AwsRunner : PipelineTool<AwsSettings>
{
    public const string InstallHint =
        "install the AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html; preinstalled on GitHub's ubuntu runners)";

    public AwsRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public AwsRunner(ICakeContext context)
        : this(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log)
    {
    }

    public static ToolRequirement Requirement() => new("aws", InstallHint, context => new AwsRunner(context).IsAvailable(new AwsSettings()));

    protected override string GetToolName() => "aws";

    protected override IEnumerable<string> GetToolExecutableNames() => ["aws"];

    /// <summary><c>aws sts get-caller-identity --output json</c>: the identity the credentials belong to (needs no permission).</summary>
    public AwsCallerIdentity CallerIdentity(AwsSettings settings)
    {
        var result = Execute(settings, Global(Command("sts", "get-caller-identity"), settings).AppendOption("--output", "json"),
            new ToolInvocation { CaptureOutput = true, CaptureError = true });
        return AwsCallerIdentity.Parse(result.Output);
    }

    /// <summary><c>aws eks update-kubeconfig --name … --kubeconfig …</c>; its one line of output ("Added new context …") is logged.</summary>
    public ToolResult EksUpdateKubeconfig(AwsEksUpdateKubeconfigSettings settings)
    {
        var arguments = Command("eks", "update-kubeconfig")
            .AppendOption("--name", Require.Value(settings.ClusterName, "AwsEksUpdateKubeconfigSettings.ClusterName", "sovd-staging"))
            .AppendPathOption("--kubeconfig", Require.NotNull(settings.KubeConfig, "AwsEksUpdateKubeconfigSettings.KubeConfig", "a file in a private temp folder"), Environment);
        return Execute(settings, Global(arguments, settings), new ToolInvocation { CaptureOutput = true, CaptureError = true, EchoCaptured = true });
    }

    /// <summary>
    /// <c>aws ecr get-login-password</c>: the registry password (valid 12 hours), captured from standard output and
    /// returned only to be written to <c>docker login --password-stdin</c>; never logged.
    /// </summary>
    public string EcrLoginPassword(AwsSettings settings)
    {
        var result = Execute(settings, Global(Command("ecr", "get-login-password"), settings),
            new ToolInvocation { CaptureOutput = true, CaptureError = true });
        var password = result.Output.Trim();
        return password.Length > 0 ? password : throw new CakeException("aws ecr get-login-password printed no password.");
    }

    private static ProcessArgumentBuilder Global(ProcessArgumentBuilder arguments, AwsSettings settings) =>
        arguments.AppendOptionIfSet("--region", settings.Region);

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
