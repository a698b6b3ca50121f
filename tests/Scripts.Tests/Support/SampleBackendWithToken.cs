namespace Scripts.Tests.Support;

/// <summary>One sample backend with bearer auth on, shared by the tests of a class (uvicorn takes seconds to start).</summary>
public sealed class SampleBackendWithToken : IAsyncLifetime
{
    public const string Token = "sample-backend-t0ken";

    public SampleBackend Backend { get; private set; } = null!;

    public async Task InitializeAsync() => Backend = await SampleBackend.StartAsync(apiToken: Token);

    public async Task DisposeAsync() => await Backend.DisposeAsync();
}
