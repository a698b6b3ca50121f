namespace Build.Deploy;

/// <summary>
/// Where a production rollout stands, kept in the cluster as the ConfigMap <c>&lt;release&gt;-rollout</c> (the one kind
/// the rollout adds to the deploy identity's RBAC: get, create, patch, delete on configmaps). Written before each step,
/// removed when the rollout or its undo has finished: a run that finds it knows the last one was interrupted.
/// </summary>
public sealed record RolloutState(
    string Step,
    int Weight,
    string StableRelease,
    int? StableRevisionBefore,
    string CanaryRelease,
    string RouteRelease,
    bool StableHeldRoute,
    string Sha)
{
    public const string Kind = "configmap";

    public static string ConfigMapName(string release) => $"{release}-rollout";

    /// <summary>The ConfigMap, as JSON for <c>kubectl apply -f</c>.</summary>
    public string ToManifest(string ns) => new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject
        {
            ["name"] = ConfigMapName(StableRelease),
            ["namespace"] = ns,
            ["labels"] = new JsonObject
            {
                ["app.kubernetes.io/managed-by"] = "sovd-pipeline",
                [ChartNames.InstanceLabel] = StableRelease,
            },
        },
        ["data"] = new JsonObject
        {
            ["step"] = Step,
            ["weight"] = Weight.ToString(CultureInfo.InvariantCulture),
            ["stableRelease"] = StableRelease,
            ["stableRevisionBefore"] = StableRevisionBefore?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["canaryRelease"] = CanaryRelease,
            ["routeRelease"] = RouteRelease,
            ["stableHeldRoute"] = StableHeldRoute ? "true" : "false",
            ["sha"] = Sha,
        },
    }.ToJsonString();

    /// <summary>Reads <c>kubectl get configmap … -o json</c>; null when it does not exist (empty output).</summary>
    public static RolloutState? Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        var data = JsonNode.Parse(json)?["data"] as JsonObject
            ?? throw new DeployException("The rollout state ConfigMap has no data: " +
                "remove it by hand after checking the releases (`helm list`).");
        string Text(string key) => (string?)data[key] ?? "";
        return new RolloutState(
            Text("step"),
            int.TryParse(Text("weight"), CultureInfo.InvariantCulture, out var weight) ? weight : 0,
            Text("stableRelease"),
            int.TryParse(Text("stableRevisionBefore"), CultureInfo.InvariantCulture, out var revision)
                ? revision
                : null,
            Text("canaryRelease"),
            Text("routeRelease"),
            Text("stableHeldRoute") == "true",
            Text("sha"));
    }
}
