namespace Build.Tools.Aws;

/// <summary>Options every AWS CLI call takes; command settings derive from it. Credentials come from the CLI's own chain.</summary>
public class AwsSettings : PipelineToolSettings
{
    /// <summary><c>--region &lt;code&gt;</c>, e.g. <c>eu-central-1</c>; unset uses AWS_REGION or the profile's region.</summary>
    public string? Region { get; init; }
}
