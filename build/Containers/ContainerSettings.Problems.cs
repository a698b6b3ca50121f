namespace Build.Containers;

/// <summary>What is wrong with the settings in general, and what one stage needs beyond them.</summary>
public sealed partial record ContainerSettings
{
    /// <summary>Throws one error listing every problem, each with what to set; call before any side effect.</summary>
    public void ThrowIfInvalid(string stage, IEnumerable<string>? stageProblems = null)
    {
        var all = Problems.Concat(stageProblems ?? []).ToList();
        if (all.Count > 0)
        {
            throw new CakeException(
                $"{stage} cannot start:\n" + string.Join('\n', all.Select(problem => "  - " + problem)));
        }
    }

    /// <summary>Build-Images reads both Dockerfiles.</summary>
    public IEnumerable<string> BuildProblems() => MissingFromApp(Images.Select(image => image.Dockerfile));

    /// <summary>
    /// Test-Integration and Test-E2E start the stack from the compose file; a stage may need more of the app.
    /// </summary>
    public IEnumerable<string> StackProblems(params FilePath[] alsoNeeded) =>
        MissingFromApp([Stack.ComposeFile, .. alsoNeeded]);

    /// <summary>
    /// Push-Images (and Build-Images for its layer cache) in GitHub Actions log in with the job's token; without it the
    /// push would fail half-way.
    /// </summary>
    public IEnumerable<string> PushProblems(ICakeContext context)
    {
        if (Registry.LogIn && Registry.Ecr is null && context.Variable(EnvVars.GitHubToken) is null)
        {
            yield return $"{EnvVars.GitHubToken} is not set: the login to {Registry.Host} needs it; give the job " +
                "`secrets.GITHUB_TOKEN` and `packages: write` (Push-Images) or `packages: read` (Build-Images).";
        }
    }

    private static IEnumerable<string> MissingFromApp(IEnumerable<FilePath> files) =>
        files.Where(file => !File.Exists(file.FullPath))
            .Select(file => $"{file.FullPath} does not exist: is --{ArgumentNames.AppRoot} the sample app's folder?");

    private IEnumerable<string> Check()
    {
        if (!RegistryPattern().IsMatch(Registry.Host))
        {
            yield return $"--{ArgumentNames.Registry}={Registry.Host} is not a registry host: give host[:port] " +
                $"without scheme or path, e.g. ghcr.io or {LocalRegistry}.";
        }
        if (Registry.Owner.Length == 0 && Registry.Ecr is null)
        {
            yield return
                $"No image owner: pass --{ArgumentNames.Owner}=<name> or set {EnvVars.GitHubRepositoryOwner}.";
        }
        else if (Registry.Owner.Length > 0 && !OwnerPattern().IsMatch(Registry.Owner))
        {
            yield return $"Owner '{Registry.Owner}' cannot be part of an image name: use lower-case letters, " +
                $"digits, '.', '_' or '-' (--{ArgumentNames.Owner}).";
        }
        if (Provenance.Sha.Length == 0)
        {
            yield return $"No commit SHA to tag the images with: pass --{ArgumentNames.Sha}=<commit> or set " +
                $"{EnvVars.GitHubSha} (no git commit is checked out).";
        }
        else if (!ShaPattern().IsMatch(Provenance.Sha))
        {
            yield return $"--{ArgumentNames.Sha}={Provenance.Sha} is not a commit SHA (7-40 hex digits).";
        }
        if (Stack.BackendPort is < 0 or > 65535 || Stack.FrontendPort is < 0 or > 65535)
        {
            yield return $"--{ArgumentNames.BackendPort}/--{ArgumentNames.FrontendPort} must be 1-65535, " +
                "or 0 for a free port.";
        }
        if (Stack.Timeout <= TimeSpan.Zero)
        {
            yield return $"--{ArgumentNames.StackTimeout} must be a positive number of seconds.";
        }
        if (Stack.Project is { } project && !ProjectPattern().IsMatch(project))
        {
            yield return $"--{ArgumentNames.ComposeProject}={project}: use lower-case letters, digits, '-' and '_', " +
                "starting with a letter or digit.";
        }
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$")]
    private static partial Regex RegistryPattern();

    [GeneratedRegex(@"^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*$")]
    private static partial Regex OwnerPattern();

    [GeneratedRegex("^[0-9a-f]{7,40}$")]
    private static partial Regex ShaPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex ProjectPattern();
}
