using System.Collections.Concurrent;

namespace Sample.Tests.Support;

/// <summary>
/// A bounded request load against one address: a few clients in parallel, each asking for the page, the API and the
/// backend's readiness in turn, a few milliseconds apart, until stopped (at most <see cref="MaxRequests"/> in all;
/// <see cref="RanOut"/> says whether the bound ended it early). Every answer is kept by
/// status and by the build that named itself in X-App-Version; a request that got no answer is kept as an error.
/// </summary>
public sealed class RequestLoad : IAsyncDisposable
{
    public const int MaxRequests = 50_000;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(2);
    private static readonly string[] Paths = ["/", "/api/v1/vehicles", "/health/ready"];
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private readonly ConcurrentDictionary<string, int> _versions = new();
    private readonly Task[] _clients;
    private int _sent;

    private RequestLoad(Uri target, int clients)
    {
        _clients = [.. Enumerable.Range(0, clients).Select(client => Task.Run(() => RunClient(target, client)))];
    }

    public static RequestLoad Start(Uri target, int clients = 4) => new(target, clients);

    public int Sent => _sent;

    public IReadOnlyDictionary<int, int> Statuses => _statuses;

    public IReadOnlyDictionary<string, int> Versions => _versions;

    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>Whether the load hit <see cref="MaxRequests"/> before it was stopped (then it did not run to the end).</summary>
    public bool RanOut => _sent >= MaxRequests;

    public int ServerErrors => _statuses.Where(pair => pair.Key >= 500).Sum(pair => pair.Value);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    public override string ToString() =>
        $"{_sent} requests; statuses {string.Join(", ", _statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"))}; " +
        $"builds {string.Join(", ", _versions.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"))}; {_errors.Count} without an answer" +
        (_errors.IsEmpty ? "" : $" (first: {_errors.First()})");

    private async Task RunClient(Uri target, int client)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromSeconds(1) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        for (var turn = client; !_stop.IsCancellationRequested && Interlocked.Increment(ref _sent) <= MaxRequests; turn++)
        {
            var path = Paths[turn % Paths.Length];
            try
            {
                using var response = await http.GetAsync(new Uri(target, path), _stop.Token);
                await response.Content.ReadAsByteArrayAsync(_stop.Token);
                _statuses.AddOrUpdate((int)response.StatusCode, 1, (_, count) => count + 1);
                var version = response.Headers.TryGetValues("X-App-Version", out var values) ? string.Join(",", values) : "(none)";
                _versions.AddOrUpdate(version, 1, (_, count) => count + 1);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                Interlocked.Decrement(ref _sent);
            }
            catch (HttpRequestException error)
            {
                _errors.Enqueue($"GET {path}: {error.Message}");
            }

            await Task.Delay(Pause, CancellationToken.None);
        }
    }
}
