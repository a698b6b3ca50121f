namespace Build.Tests.Tasks.Containers.Support;

/// <summary>
/// trivy cannot be installed here (and needs online data): this stand-in, first on PATH, records its arguments and
/// answers like trivy would — for the images whose name contains <c>criticalIn</c> with the recorded-format report
/// Security/Fixtures/trivy.json (without its unfixed findings when called with --ignore-unfixed, as trivy drops them),
/// for the others with a clean report; as SARIF, JSON or a table, per --format; or a vulnerability database it cannot download.
/// </summary>
public sealed class TrivyStandIn : IDisposable
{
    public TrivyStandIn(TrivyMode mode, string criticalIn = "")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("trivy-stand-in-").FullName;
        LogFile = Path.Combine(Directory, "calls.log");
        var script = Path.Combine(Directory, "trivy");
        File.WriteAllText(script, Script(mode, criticalIn).Replace("\r", string.Empty));
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Directory { get; }

    public string LogFile { get; }

    public IReadOnlyList<string> Calls => File.Exists(LogFile) ? File.ReadAllLines(LogFile) : [];

    public string PathWithStandIn => $"{Directory}:{Environment.GetEnvironmentVariable("PATH")}";

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string Fixture => Build.Tests.Security.ScannerReports.Path("trivy.json");

    private string Script(TrivyMode mode, string criticalIn) => $$$"""
        #!/usr/bin/env bash
        echo "trivy $*" >> '{{{LogFile}}}'
        args=("$@"); out=""; format="table"; exit_code=0
        for ((i = 0; i < ${#args[@]}; i++)); do
          case "${args[i]}" in
            --output) out="${args[i + 1]}" ;;
            --format) format="${args[i + 1]}" ;;
            --exit-code) exit_code="${args[i + 1]}" ;;
          esac
        done
        image="${args[${#args[@]} - 1]}"
        if [[ "{{{mode}}}" == "DatabaseUnreachable" ]]; then
          echo "2025-01-01T00:00:00Z INFO Downloading vulnerability DB..." >&2
          echo "2025-01-01T00:00:00Z FATAL Fatal error: init error: DB error: failed to download vulnerability DB: OCI artifact error: Get \"https://mirror.gcr.io/v2/\": dial tcp: lookup mirror.gcr.io: no such host" >&2
          exit 1
        fi
        found=0
        [[ -n "{{{criticalIn}}}" && "$image" == *"{{{criticalIn}}}"* ]] && found=1
        ignore_unfixed=false
        [[ " $* " == *" --ignore-unfixed "* ]] && ignore_unfixed=true
        results='[]'
        (( found )) && results='[{"ruleId":"CVE-2099-0001","level":"error","message":{"text":"libexample: critical overflow"}}]'
        if [[ "$format" == "json" && -n "$out" ]]; then
          if (( found )); then
            jq --arg image "$image" --argjson ignore "$ignore_unfixed" '
              .ArtifactName = $image | .Metadata.RepoTags = [$image]
              | .Results |= map(.Target |= sub("IMAGE"; $image)
                  | if $ignore and .Vulnerabilities != null then .Vulnerabilities |= map(select((.FixedVersion // "") != "")) else . end)' \
              '{{{Fixture}}}' > "$out"
          else
            printf '{"SchemaVersion":2,"ArtifactName":"%s","ArtifactType":"container_image","Results":[{"Target":"%s (debian 13.2)","Class":"os-pkgs","Type":"debian"}]}' "$image" "$image" > "$out"
          fi
        elif [[ "$format" == "sarif" && -n "$out" ]]; then
          printf '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Trivy"}},"results":%s}]}' "$results" > "$out"
        else
          echo "$image (debian 12)"
          echo "Total: $found (CRITICAL: $found)"
          (( found )) && echo "| libexample | CVE-2099-0001 | CRITICAL | 1.0 | 1.1 |"
        fi
        (( found )) && exit "$exit_code"
        exit 0
        """;
}

public enum TrivyMode
{
    Scans,
    DatabaseUnreachable,
}
