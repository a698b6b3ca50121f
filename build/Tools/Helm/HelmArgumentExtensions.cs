using Cake.Core.IO;

namespace Build.Tools.Helm;

internal static class HelmArgumentExtensions
{
    /// <summary>Global flags go last so every helm line reads: command, subject, options, then where.</summary>
    public static ProcessArgumentBuilder AppendGlobal(this ProcessArgumentBuilder arguments, HelmSettings settings) =>
        arguments.AppendOptionIfSet("-n", settings.Namespace).AppendOptionIfSet("--kube-context", settings.KubeContext);
}
