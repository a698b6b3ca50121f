namespace Build.Tests.Tasks.Deploy;

/// <summary>Deploy runs write their record to the repository's .artifacts folders, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DeployCollection
{
    public const string Name = "Deploy records";
}
