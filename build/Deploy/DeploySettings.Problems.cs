namespace Build.Deploy;

/// <summary>What is wrong with the settings, each problem with what to pass or set instead.</summary>
public sealed partial record DeploySettings
{
    private List<string> Check(BuildContext context) =>
    [
        .. KubernetesNames.Problems(Release.Namespace, Release.Name, Release.CanaryName),
        .. ChartProblems(),
        .. SmokeUrlProblems(),
        .. RangeProblems(),
        .. ImageProblems(),
        .. ValuesFileProblems(),
        .. PullSecretProblems(context),
        .. ClusterAccessProblems(context),
    ];

    private IEnumerable<string> ChartProblems()
    {
        if (!Directory.Exists(Chart.Folder.FullPath))
        {
            yield return $"The chart {Chart.Folder.FullPath} does not exist: pass " +
                $"--{ArgumentNames.Chart}=<folder below the app root> or --{ArgumentNames.AppRoot}.";
        }
        else if (!File.Exists(Chart.ValuesFile.FullPath))
        {
            yield return $"The chart has no {Chart.ValuesFile.GetFilename()}: add it next to values.yaml.";
        }
    }

    private IEnumerable<string> SmokeUrlProblems()
    {
        if (!Uri.TryCreate(SmokeTests.Url, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"The smoke-test URL '{SmokeTests.Url}' is not an http(s) URL: pass " +
                $"--{ArgumentNames.SmokeUrl}=https://<host> or set the environment URL in the definition.";
        }
    }

    // The numbers a person passes: helm's timeout, and the error-rate probe's count and limit.
    private IEnumerable<string> RangeProblems()
    {
        if (Timeouts.HelmWait <= TimeSpan.Zero)
        {
            yield return $"--{ArgumentNames.DeployTimeout} is {Timeouts.HelmWait.TotalMinutes}: " +
                "give a positive number of minutes (e.g. 5).";
        }
        if (SmokeTests.ProbeRequests < 0 || SmokeTests.MaxErrorRate < 0 || SmokeTests.MaxErrorRate > 100)
        {
            yield return $"--{ArgumentNames.ProbeRequests} must be 0 or more and --{ArgumentNames.MaxErrorRate} " +
                "between 0 and 100 (percent).";
        }
    }

    private IEnumerable<string> ImageProblems()
    {
        if (File.Exists(Images.ImagesFile.FullPath))
        {
            yield break;
        }
        if (Images.Sha is null)
        {
            yield return $"No image tag: pass --{ArgumentNames.Sha}=<commit> (CI: {EnvVars.GitHubSha}), run from a " +
                $"git checkout, or run Push-Images first so {Images.ImagesFile.FullPath} exists.";
        }
        if (Images.Owner is null)
        {
            yield return $"No image owner: pass --{ArgumentNames.Owner}=<registry namespace> " +
                $"(CI: {EnvVars.GitHubRepositoryOwner}).";
        }
    }

    private IEnumerable<string> ValuesFileProblems() =>
        Chart.ExtraValuesFiles
            .Where(file => !File.Exists(file.FullPath))
            .Select(file => $"The values file {file.FullPath} (--{ArgumentNames.Values}) does not exist.");

    private IEnumerable<string> PullSecretProblems(BuildContext context)
    {
        if (Images.CreatePullSecret && Images.PullSecret is null)
        {
            yield return $"--{ArgumentNames.CreatePullSecret} needs a secret name: " +
                $"pass --{ArgumentNames.ImagePullSecret}=<name>.";
        }
        if (Images.CreatePullSecret && context.Variable(EnvVars.RegistryPullToken) is null)
        {
            yield return $"--{ArgumentNames.CreatePullSecret} needs the registry token in " +
                $"{EnvVars.RegistryPullToken} (a token that may read the packages; never on the command line).";
        }
    }

    private IEnumerable<string> ClusterAccessProblems(BuildContext context)
    {
        var problems = new List<string>();
        try
        {
            KubeConfigFile.Decode(context.Environment);
        }
        catch (DeployException error)
        {
            problems.Add(error.Message);
        }
        if (Cluster.Eks is null && context.IsGitHubActions && context.Variable(EnvVars.KubeConfigData) is null)
        {
            var secret = Stage.JobSecrets
                .FirstOrDefault(s => s.EnvironmentVariable == EnvVars.KubeConfigData)?.SecretName
                ?? EnvVars.KubeConfigData;
            problems.Add(
                $"{EnvVars.KubeConfigData} is empty in GitHub Actions: add the {secret} secret (base64 of a " +
                $"kubeconfig) to the '{Stage.Environment!.Name}' environment.");
        }
        return problems;
    }
}
