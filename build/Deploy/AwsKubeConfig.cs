using Build.Tools.Aws;
using Cake.Core.IO;

namespace Build.Deploy;

/// <summary>
/// The kubeconfig of an EKS deploy: <c>aws eks update-kubeconfig</c> writes it into a private temporary folder (never
/// the user's ~/.kube/config). It holds no credential: its user runs <c>aws eks get-token</c> with the role the job
/// assumed, so helm and kubectl need the AWS CLI on PATH too.
/// </summary>
public static class AwsKubeConfig
{
    public static KubeConfigFile Create(BuildContext context, EksTarget target)
    {
        var directory = KubeConfigFile.PrivateDirectory(context.Environment);
        var file = new FilePath(System.IO.Path.Combine(directory, "config"));
        try
        {
            context.AwsEksUpdateKubeconfig(new AwsEksUpdateKubeconfigSettings { ClusterName = target.ClusterName, Region = target.Region, KubeConfig = file });
            if (!context.DryRun && !File.Exists(file.FullPath))
            {
                throw new DeployException($"aws eks update-kubeconfig wrote no {file.FullPath}: check the AWS CLI's output above.");
            }
        }
        catch (CakeException error)
        {
            Directory.Delete(directory, recursive: true);
            throw new DeployException(
                $"No kubeconfig for the {target}: {error.Message}\nThe role needs eks:DescribeCluster on the cluster; see README \"Deployments\".", error);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
        context.Verbose($"kubeconfig of the {target} in {file.FullPath}");
        return KubeConfigFile.Written(context.DryRun ? null : file, directory, target.ToString());
    }
}
