namespace Build.Tools.Kubectl;

/// <summary><c>kubectl get &lt;kind&gt; [name] [-l selector] -o &lt;format&gt;</c>; output captured.</summary>
public sealed class KubectlGetSettings : KubectlSettings
{
    /// <summary>Resource kind, e.g. <c>deployment</c>, <c>pods</c>. Required.</summary>
    public string Kind { get; init; } = "";

    /// <summary>One object's name; unset lists all (filtered by <see cref="Selector"/>).</summary>
    public string? Name { get; init; }

    /// <summary><c>-l &lt;selector&gt;</c>, e.g. <c>app.kubernetes.io/instance=sovd-webapp</c>.</summary>
    public string? Selector { get; init; }

    public KubectlOutputFormat Output { get; init; } = KubectlOutputFormat.Json;
}
