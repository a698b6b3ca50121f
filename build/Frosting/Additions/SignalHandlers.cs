using System.Runtime.InteropServices;

namespace Build.Frosting.Additions;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM (CI cancellation) interrupt the run instead of killing the host, so teardown and the
/// summary still run. A second signal is not intercepted and ends the process.
/// </summary>
internal sealed class SignalHandlers : IDisposable
{
    private readonly HostInterruption _interruption;
    private readonly PosixSignalRegistration? _sigterm;

    private SignalHandlers(HostInterruption interruption)
    {
        _interruption = interruption;
        Console.CancelKeyPress += OnCancelKeyPress;
        try
        {
            _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = _interruption.Interrupt("SIGTERM"));
        }
        catch (PlatformNotSupportedException)
        {
            _sigterm = null;
        }
    }

    public static SignalHandlers Register(HostInterruption interruption) => new(interruption);

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _sigterm?.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e) => e.Cancel = _interruption.Interrupt("SIGINT");
}
