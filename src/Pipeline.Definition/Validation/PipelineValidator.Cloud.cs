using System.Text.RegularExpressions;
using Pipeline.Definition.Stages;

namespace Pipeline.Definition.Validation;

/// <summary>The cloud settings: AWS names that cannot work, EKS environments without a cluster, two pins of the deploy tools.</summary>
public static partial class PipelineValidator
{
    private static IEnumerable<ValidationError> Cloud(PipelineDefinition pipeline)
    {
        foreach (var stage in pipeline.Stages)
        {
            if (stage.AwsRole is { } role)
            {
                if (!AwsRegion().IsMatch(role.Region))
                {
                    yield return new(Describe(stage), $"'{role.Region}' is not an AWS region: use its code, e.g. eu-central-1.");
                }
                if (AwsRole.SessionSeconds(stage.TimeoutMinutes) > AwsRole.MaxSessionSeconds)
                {
                    yield return new(Describe(stage),
                        $"timeout-minutes {stage.TimeoutMinutes} is longer than an AWS role session can last ({AwsRole.MaxSessionSeconds / 60} min, the maximum " +
                        "MaxSessionDuration): the credentials would expire mid-job; shorten the stage's budget.");
                }
                if (!VariableName().IsMatch(role.RoleArnVariable))
                {
                    yield return new(Describe(stage), $"'{role.RoleArnVariable}' is not a GitHub variable name: use letters, digits and '_', e.g. AWS_DEPLOY_ROLE_ARN.");
                }
            }
            if (stage.PushesTo is EcrRegistry ecr && !AwsAccount().IsMatch(ecr.AccountId))
            {
                yield return new(Describe(stage), $"'{ecr.AccountId}' is not an AWS account ID: ECR needs the 12 digits of the account that holds the repositories.");
            }
            if (stage.Cluster is EksAccess eks && stage.Environment is { } environment && eks.ClusterFor(environment.Name) is null)
            {
                yield return new(Describe(stage), $"ClusterAccess.Eks names no cluster for the environment '{environment.Name}': add it to the cluster names.");
            }
        }

        var pins = pipeline.Stages.SelectMany(s => s.Toolchains).OfType<KubernetesToolchain>().Select(t => t.Tools).Distinct().ToList();
        if (pins.Count > 1)
        {
            yield return new("Pipeline", $"the deploy stages pin {pins.Count} different helm/kubectl sets; pin them once and give every stage the same DeployTools.");
        }
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex AwsRegion();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AwsAccount();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
