using System.Collections.Concurrent;
using System.Net;
using Build.Tests.Support;

namespace Build.Tests.Tasks.Deploy.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers what scripts/smoke_tests.sh checks, like a healthy deployment of the
/// sample app. While <see cref="FailApiWhen"/> holds, the API answers 500 (a broken release), so the smoke tests
/// and the error-rate probe fail. Every readiness request calls <see cref="OnSmokeRun"/> (the smoke script's first request).
/// </summary>
public sealed class FakeWebApp : IDisposable
{
    private const string ScriptPath = "/assets/index-5e1b.js";
    private const string IndexHtml = $"""<!doctype html><html><head><script type="module" src="{ScriptPath}"></script></head><body><div id="root"></div></body></html>""";

    private readonly ConcurrentQueue<string> _authorizations = new();
    private readonly LoopbackHttpServer _server;

    private FakeWebApp()
    {
        _server = LoopbackHttpServer.Start(Answer);
    }

    public string BaseUrl => _server.BaseUrl;

    /// <summary>The API fails (500) whenever this returns true; checked per request.</summary>
    public Func<bool> FailApiWhen { get; set; } = () => false;

    /// <summary>Called with true when the readiness request carried the canary header (X-Canary: always).</summary>
    public Action<bool> OnSmokeRun { get; set; } = _ => { };

    /// <summary>
    /// The build that answers (X-App-Version), given whether the request carried the canary header; null sends no
    /// header. <see cref="DeployScenario"/> answers with the image tag the stand-in's release runs.
    /// </summary>
    public Func<bool, string?> BuildFor { get; set; } = _ => null;

    /// <summary>The canary is broken: requests routed to it (X-Canary: always) get 500 from the API.</summary>
    public bool CanaryBroken { get; set; }

    /// <summary>Authorization headers the API received.</summary>
    public IReadOnlyCollection<string> Authorizations => _authorizations.ToArray();

    public int Requests { get; private set; }

    public static FakeWebApp Start() => new();

    public void Dispose() => _server.Dispose();

    private void Answer(HttpListenerContext context)
    {
        Requests++;
        var path = context.Request.Url?.AbsolutePath ?? "/";
        var (status, type, body) = path switch
        {
            "/health/ready" => Ready(IsCanary(context)),
            "/api/v1/vehicles" => Api(context.Request.Headers["Authorization"] ?? "", IsCanary(context)),
            "/" => (200, "text/html; charset=utf-8", IndexHtml),
            ScriptPath => (200, "text/javascript; charset=utf-8", "console.log('sovd');"),
            _ => (404, "text/plain", "not found"),
        };
        if (BuildFor(IsCanary(context)) is { } build)
        {
            context.Response.Headers["X-App-Version"] = build;
        }
        LoopbackHttpServer.Reply(context, status, type, body);
    }

    private static bool IsCanary(HttpListenerContext context) => context.Request.Headers["X-Canary"] == "always";

    private (int, string, string) Ready(bool canary)
    {
        OnSmokeRun(canary);
        return (200, "application/json", """{"status":"ready"}""");
    }

    private (int, string, string) Api(string authorization, bool canary)
    {
        _authorizations.Enqueue(authorization);
        return FailApiWhen() || (canary && CanaryBroken)
            ? (500, "application/json", """{"detail":"internal error"}""")
            : (200, "application/json", """[{"vehicle_id":"v-001","vin":"WVWZZZ1JZXW000001"}]""");
    }
}
