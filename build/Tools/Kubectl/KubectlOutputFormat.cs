namespace Build.Tools.Kubectl;

/// <summary>Values of <c>kubectl get -o</c>.</summary>
public enum KubectlOutputFormat
{
    [WireName("json")] Json,
    [WireName("yaml")] Yaml,
    [WireName("name")] Name,
    [WireName("wide")] Wide,
}
