namespace Scripts.Tests.Support;

/// <summary>A test class with a fresh fault server per test.</summary>
public abstract class FaultServerTest : IAsyncLifetime
{
    protected FaultServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await FaultServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
