namespace Build.Tools.Kubectl;

/// <summary>A Kubernetes object named the way kubectl takes it: <c>&lt;kind&gt;/&lt;name&gt;</c>.</summary>
public sealed record KubeResource(string Kind, string Name)
{
    public static KubeResource Deployment(string name) => new("deployment", name);

    public static KubeResource StatefulSet(string name) => new("statefulset", name);

    public static KubeResource Ingress(string name) => new("ingress", name);

    public override string ToString()
    {
        Require.Value(Kind, "KubeResource.Kind", "deployment");
        Require.Value(Name, "KubeResource.Name", "sovd-api");
        return $"{Kind}/{Name}";
    }
}
