using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Yaml;

/// <summary>A <c>permissions:</c> section; no scopes renders <c>{}</c>, which grants the token nothing.</summary>
public static class PermissionsToYaml
{
    public static YamlMap Write(Permissions permissions) => permissions.Scopes.Aggregate(
        YamlMap.Empty with { KeepWhenEmpty = true },
        (map, scope) => map.Add(Permissions.WireName(scope.Key), scope.Value.ToString().ToLowerInvariant()));
}
