using System.Runtime.InteropServices;

namespace Build.Rehearsal;

/// <summary>POSIX signals to a process by id: .NET can only kill, and a job's host must first get the chance to clean up.</summary>
internal static class Signals
{
    public const int Interrupt = 2;
    public const int Terminate = 15;

    public static void Send(int pid, int signal) => _ = NativeMethods.Kill(pid, signal);

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int sig);
    }
}
