namespace Build.Deploy;

/// <summary>What a rollout works with; built by <see cref="DeploySession"/> once every check passed.</summary>
public sealed record DeployRun(BuildContext Context, DeploySettings Settings, Cluster Cluster, SmokeTests Smoke, DeploymentRecord Record, DeployImages Images);
