using System.Net;
using System.Text;
using Build.Containers;

namespace Build.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1, on a free port, that hands every request to one handler: the transport under the
/// HTTP stand-ins (the deployed web app, GitHub's API).
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Action<HttpListenerContext> _handle;
    private readonly Task _serving;

    private LoopbackHttpServer(HttpListener listener, string baseUrl, Action<HttpListenerContext> handle)
    {
        _listener = listener;
        _handle = handle;
        BaseUrl = baseUrl;
        _serving = Task.Run(ServeAsync);
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;</c>, without a trailing slash.</summary>
    public string BaseUrl { get; }

    public static LoopbackHttpServer Start(Action<HttpListenerContext> handle)
    {
        for (var attempt = 0; ; attempt++)
        {
            var url = $"http://127.0.0.1:{ComposeStack.FreePort()}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return new LoopbackHttpServer(listener, url.TrimEnd('/'), handle);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probing and binding: try another one.
                listener.Close();
            }
        }
    }

    /// <summary>Writes a whole response and closes it.</summary>
    public static void Reply(HttpListenerContext context, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync; that is how serving ends.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _handle(context);
        }
    }
}
