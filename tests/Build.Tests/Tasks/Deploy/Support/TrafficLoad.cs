using System.Net.Http;

namespace Build.Tests.Tasks.Deploy.Support;

/// <summary>
/// Bounded local load on the backends' API over loopback: a few concurrent workers per backend, each request waited
/// for and followed by a pause (at most about 30 requests a second per backend), until disposed or until the bound in
/// time or count is reached. Answers are not judged here: Prometheus counts them.
/// </summary>
public sealed class TrafficLoad : IDisposable
{
    private const int WorkersPerBackend = 3;
    private const int MaxRequests = 20_000;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(4);
    private readonly CancellationTokenSource _stop = new(MaxDuration);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Task[] _workers;
    private int _sent;

    public TrafficLoad(params MetricsBackend[] backends)
    {
        _workers = backends.SelectMany(backend => Enumerable.Range(0, WorkersPerBackend).Select(_ => Task.Run(() => Work(backend.BaseAddress)))).ToArray();
    }

    public int Sent => Volatile.Read(ref _sent);

    public void Dispose()
    {
        _stop.Cancel();
        Task.WaitAll(_workers.Select(worker => worker.ContinueWith(_ => { }, TaskScheduler.Default)).ToArray(), TimeSpan.FromSeconds(10));
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task Work(Uri backend)
    {
        var url = new Uri(backend, "api/v1/vehicles");
        while (!_stop.IsCancellationRequested && Interlocked.Increment(ref _sent) <= MaxRequests)
        {
            try
            {
                using var response = await _http.GetAsync(url, _stop.Token);
                await Task.Delay(Pause, _stop.Token);
            }
            catch (Exception error) when (error is HttpRequestException or OperationCanceledException)
            {
                // Counted by the server when it answered; a cancelled request at the end is not.
            }
        }
    }
}
