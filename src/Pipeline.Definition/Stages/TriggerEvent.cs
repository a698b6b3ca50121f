namespace Pipeline.Definition.Stages;

/// <summary>An event that starts the pipeline: a push to a branch, or a pull request into one.</summary>
public sealed record TriggerEvent(bool IsPush, string Branch)
{
    public static TriggerEvent PushTo(string branch) => new(true, branch);

    public static TriggerEvent PullRequestInto(string branch) => new(false, branch);

    public override string ToString() => IsPush ? $"push to {Branch}" : $"pull request into {Branch}";
}
