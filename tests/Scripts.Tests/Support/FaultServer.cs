using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Scripts.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 whose answers a test chooses per path (status, content type, body,
/// delay, "503 for the first N calls", bearer auth). Paths without a route get the fallback answer.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Answer> routes = new();
    private readonly ConcurrentDictionary<string, int> calls = new();
    private readonly ConcurrentQueue<(string Path, string Authorization, IHeaderDictionary Headers)> requests = new();
    private readonly CancellationTokenSource stopping = new();
    private volatile Answer fallback = Answer.Text("not found", 404);
    private WebApplication? app;

    private FaultServer()
    {
    }

    public string BaseUrl { get; private set; } = "";

    public static async Task<FaultServer> StartAsync()
    {
        var server = new FaultServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        server.app = builder.Build();
        server.app.Run(server.HandleAsync);
        await server.app.StartAsync();
        var addresses = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        server.BaseUrl = addresses.Addresses.Single().TrimEnd('/');
        return server;
    }

    public FaultServer Route(string path, Answer answer)
    {
        routes[path] = answer;
        return this;
    }

    public FaultServer Fallback(Answer answer)
    {
        fallback = answer;
        return this;
    }

    public int CallsTo(string path) => calls.GetValueOrDefault(path);

    public IReadOnlyList<string> AuthorizationSentTo(string path) =>
        requests.Where(r => r.Path == path).Select(r => r.Authorization).ToList();

    /// <summary>The value of header <paramref name="name"/> in every request to <paramref name="path"/>, in order ("" when absent).</summary>
    public IReadOnlyList<string> HeaderSentTo(string path, string name) =>
        requests.Where(r => r.Path == path).Select(r => r.Headers[name].ToString()).ToList();

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var call = calls.AddOrUpdate(path, 1, (_, count) => count + 1);
        var authorization = context.Request.Headers.Authorization.ToString();
        requests.Enqueue((path, authorization, new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value))));
        var answer = routes.TryGetValue(path, out var routed) ? routed : fallback;

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        try
        {
            await Task.Delay(answer.Delay, aborted.Token);
            if (answer.Versions.Count > 0)
            {
                context.Response.Headers["X-App-Version"] = answer.Versions[(call - 1) % answer.Versions.Count];
            }
            answer = ApplyFaults(answer, call, authorization);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body.Replace("{authorization}", authorization), aborted.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (its timeout) or the test ended: nothing left to answer.
        }
    }

    private static Answer ApplyFaults(Answer answer, int call, string authorization)
    {
        if (call <= answer.UnavailableForFirst)
        {
            return Answer.Json("""{"status":"starting"}""", 503);
        }

        if (answer.FailEvery > 0 && call % answer.FailEvery == 0)
        {
            return Answer.Json("""{"detail":"internal error"}""", 500);
        }

        if (answer.RequiredBearer is { } token && authorization != $"Bearer {token}")
        {
            return Answer.Json("""{"detail":"Not authenticated"}""", 401);
        }

        return answer;
    }
}
