namespace Build.Tests.Tasks.Deploy.Support;

/// <summary>
/// A recording stand-in for the AWS CLI v2 (no AWS account is reachable here), added to a <see cref="ClusterStandIn"/>'s
/// folder so its calls land in the same ordered log. It answers in the CLI's own output formats:
/// <c>sts get-caller-identity --output json</c> prints STS's UserId/Account/Arn object (4-space indented, as the CLI
/// prints JSON); <c>eks update-kubeconfig</c> writes a kubeconfig shaped like the CLI's (cluster named by its ARN, a user
/// whose exec runs <c>aws eks get-token</c>) and prints "Added new context &lt;arn&gt; to &lt;path&gt;" (aws-cli's
/// customizations/eks/update_kubeconfig.py); <c>ecr get-login-password</c> prints the password on standard output.
/// </summary>
public static class AwsCliStandIn
{
    public const string Account = "123456789012";
    public const string Region = "eu-central-1";
    public const string Role = "sovd-deploy";

    /// <summary>The ECR password the stand-in prints; it must never show up in the host's output.</summary>
    public const string EcrPassword = "eyJwYXlsb2FkIjoiZWNyLXBhc3N3b3JkLTVkOWUxYSJ9";

    public static string Arn => $"arn:aws:sts::{Account}:assumed-role/{Role}/GitHubActions";

    public static string ClusterArn(string cluster) => $"arn:aws:eks:{Region}:{Account}:cluster/{cluster}";

    /// <summary>Writes the <c>aws</c> stand-in next to helm and kubectl; <see cref="ClusterStandIn.FailWhen"/> applies to it too.</summary>
    public static ClusterStandIn WithAws(this ClusterStandIn cluster)
    {
        cluster.AddTool("aws", Script);
        return cluster;
    }

    // A failing call prints what the AWS CLI v2 prints for it: no credentials for sts, access denied for ecr and eks.
    private const string Script = $$"""
        if ((failing)); then
          case "$1" in
            # Return codes of the AWS CLI v2: 253 a configuration problem (no credentials), 254 an error from the service.
            sts) echo 'Unable to locate credentials. You can configure credentials by running "aws configure".' >&2; exit 253 ;;
            ecr) echo "An error occurred (AccessDeniedException) when calling the GetAuthorizationToken operation: User is not authorized to perform: ecr:GetAuthorizationToken" >&2; exit 254 ;;
            *) echo "An error occurred (AccessDeniedException) when calling the DescribeCluster operation: User is not authorized to perform: eks:DescribeCluster" >&2; exit 254 ;;
          esac
        fi
        region='' name='' kubeconfig=''
        args=("$@")
        for ((i = 0; i < ${#args[@]}; i++)); do
          case "${args[i]}" in
            --region) region=${args[i + 1]} ;;
            --name) name=${args[i + 1]} ;;
            --kubeconfig) kubeconfig=${args[i + 1]} ;;
          esac
        done
        case "$1 $2" in
          "sts get-caller-identity")
            printf '{\n    "UserId": "AROAXAMPLEROLEID12345:GitHubActions",\n    "Account": "{{Account}}",\n    "Arn": "arn:aws:sts::{{Account}}:assumed-role/{{Role}}/GitHubActions"\n}\n' ;;
          "eks update-kubeconfig")
            arn="arn:aws:eks:${region}:{{Account}}:cluster/${name}"
            cat > "$kubeconfig" <<KUBECONFIG
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==
            server: https://0A1B2C3D4E5F.gr7.${region}.eks.amazonaws.com
          name: ${arn}
        contexts:
        - context:
            cluster: ${arn}
            user: ${arn}
          name: ${arn}
        current-context: ${arn}
        kind: Config
        preferences: {}
        users:
        - name: ${arn}
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              args:
              - --region
              - ${region}
              - eks
              - get-token
              - --cluster-name
              - ${name}
              - --output
              - json
              command: aws
        KUBECONFIG
            echo "Added new context ${arn} to ${kubeconfig}" ;;
          "ecr get-login-password")
            echo "{{EcrPassword}}" ;;
          *)
            echo "aws stand-in: unexpected call: $*" >&2
            exit 252 ;;
        esac
        exit 0
        """;
}
