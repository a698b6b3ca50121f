using Cake.Core.IO;

namespace Build.Deploy;

/// <summary>
/// The CI kubeconfig: KUBE_CONFIG_DATA (base64) written to a file only this user can read, handed to helm and
/// kubectl as KUBECONFIG, and deleted on <see cref="Dispose"/>. Without the variable the user's own kubeconfig applies.
/// </summary>
public sealed class KubeConfigFile : IDisposable
{
    private readonly string? _directory;

    private KubeConfigFile(FilePath? path, string? directory, string source)
    {
        Path = path;
        _directory = directory;
        Source = source;
    }

    /// <summary>Where the cluster access comes from, for the log.</summary>
    public string Source { get; }

    /// <summary>The written file, or null when helm and kubectl use the current kubeconfig and context.</summary>
    public FilePath? Path { get; }

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
                $"{EnvVars.KubeConfigData} is not base64: store the kubeconfig as the output of `base64 -w0 <kubeconfig file>`.");
        }
    }

    /// <summary>The stage's kubeconfig: from <c>aws eks update-kubeconfig</c> for an EKS target, else <see cref="Create(ICakeEnvironment, bool)"/>.</summary>
    public static KubeConfigFile Create(BuildContext context, DeploySettings settings) =>
        settings.Eks is { } eks ? AwsKubeConfig.Create(context, eks) : Create(context.Environment, context.DryRun);

    /// <summary>A kubeconfig another tool wrote into <paramref name="directory"/> (from <see cref="PrivateDirectory"/>); both go on <see cref="Dispose"/>.</summary>
    internal static KubeConfigFile Written(FilePath? path, string directory, string source) => new(path, directory, $"kubeconfig of the {source}");

    /// <summary>Writes the decoded kubeconfig (mode 0600, in a 0700 folder); in a dry run writes nothing.</summary>
    public static KubeConfigFile Create(ICakeEnvironment environment, bool dryRun)
    {
        var content = Decode(environment);
        if (content is null || dryRun)
        {
            return new KubeConfigFile(null, null, content is null ? "current kubeconfig" : $"kubeconfig from {EnvVars.KubeConfigData}");
        }
        var directory = PrivateDirectory(environment);
        var file = System.IO.Path.Combine(directory, "config");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created with 0600, so there is no moment in which another user could read it.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(file, options))
        {
            stream.Write(content);
        }
        return new KubeConfigFile(new FilePath(file), directory, $"kubeconfig from {EnvVars.KubeConfigData}");
    }

    /// <summary>A new 0700 folder under RUNNER_TEMP (emptied after every GitHub job, even if this process is killed), else the system temp.</summary>
    internal static string PrivateDirectory(ICakeEnvironment environment)
    {
        var root = environment.GetEnvironmentVariable(EnvVars.RunnerTemp) is { Length: > 0 } runnerTemp && Directory.Exists(runnerTemp)
            ? runnerTemp
            : System.IO.Path.GetTempPath();
        var directory = System.IO.Path.Combine(root, $"sovd-kubeconfig-{Guid.NewGuid():N}");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return directory;
    }

    public void Dispose()
    {
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
