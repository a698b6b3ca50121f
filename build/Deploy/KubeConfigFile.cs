namespace Build.Deploy;

/// <summary>
/// The kubeconfig helm and kubectl get, in a private folder deleted on <see cref="Dispose"/>: KUBE_CONFIG_DATA
/// (base64) decoded, or for an EKS target what <c>aws eks update-kubeconfig</c> writes (it holds no credential: its
/// user runs <c>aws eks get-token</c> with the role the job assumed, so helm and kubectl need the AWS CLI on PATH).
/// Without either the user's own kubeconfig applies; never the user's ~/.kube/config is written.
/// </summary>
/// <param name="Path">
/// The file, or null when helm and kubectl use the current kubeconfig and context (also in a dry run).
/// </param>
/// <param name="Folder">The private folder that holds it, deleted on <see cref="Dispose"/>.</param>
/// <param name="Source">Where the cluster access comes from, for the log.</param>
public sealed record KubeConfigFile(FilePath? Path, string? Folder, string Source) : IDisposable
{
    /// <summary>Decodes KUBE_CONFIG_DATA; the error never quotes the value.</summary>
    public static byte[]? Decode(ICakeEnvironment environment)
    {
        var data = environment.GetEnvironmentVariable(EnvVars.KubeConfigData);
        if (string.IsNullOrWhiteSpace(data))
        {
            return null;
        }
        try
        {
            // `base64` wraps lines at 76 characters unless given -w0; both forms are accepted.
            return Convert.FromBase64String(string.Concat(data.Where(c => !char.IsWhiteSpace(c))));
        }
        catch (FormatException)
        {
            throw new DeployException(
                $"{EnvVars.KubeConfigData} is not base64: " +
                "store the kubeconfig as the output of `base64 -w0 <kubeconfig file>`.");
        }
    }

    public static KubeConfigFile Create(BuildContext context, DeploySettings settings)
    {
        var content = Decode(context.Environment);
        var eks = settings.Cluster.Eks;
        var source = eks is not null ? $"kubeconfig of the {eks}" : $"kubeconfig from {EnvVars.KubeConfigData}";
        if (eks is null && (content is null || context.DryRun))
        {
            return new KubeConfigFile(null, null, content is null ? "current kubeconfig" : source);
        }
        var directory = PrivateDirectory(context, "sovd-kubeconfig-");
        var file = System.IO.Path.Combine(directory, "config");
        try
        {
            if (eks is null)
            {
                WritePrivate(file, content!);
            }
            else
            {
                UpdateFromEks(context, eks, new FilePath(file));
            }
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
        context.Verbose($"{source} in {file}");
        return new KubeConfigFile(context.DryRun ? null : new FilePath(file), directory, source);
    }

    /// <summary>
    /// A new 0700 folder under RUNNER_TEMP (emptied after every GitHub job, even if this process is killed), else the
    /// system temp.
    /// </summary>
    public static string PrivateDirectory(ICakeContext context, string prefix)
    {
        var root = context.GitHubActions().Environment.Runner.Temp?.FullPath is { Length: > 0 } runnerTemp
            && Directory.Exists(runnerTemp)
            ? runnerTemp
            : System.IO.Path.GetTempPath();
        var directory = System.IO.Path.Combine(root, $"{prefix}{Guid.NewGuid():N}");
        return OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(directory).FullName
            : Directory.CreateDirectory(
                directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName;
    }

    /// <summary>Created with mode 0600, so there is no moment in which another user could read it.</summary>
    public static void WritePrivate(string file, byte[] content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var stream = new FileStream(file, options);
        stream.Write(content);
    }

    public void Dispose()
    {
        if (Folder is not null && Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static void UpdateFromEks(BuildContext context, EksTarget target, FilePath file)
    {
        try
        {
            context.AwsEksUpdateKubeconfig(target.ClusterName, file, new AwsSettings { Region = target.Region });
        }
        catch (CakeException error)
        {
            throw new DeployException(
                $"No kubeconfig for the {target}: {error.Message}\n" +
                "The role needs eks:DescribeCluster on the cluster; see README \"Deployments\".", error);
        }
        if (!context.DryRun && !File.Exists(file.FullPath))
        {
            throw new DeployException(
                $"aws eks update-kubeconfig wrote no {file.FullPath}: check the AWS CLI's output above.");
        }
    }
}
