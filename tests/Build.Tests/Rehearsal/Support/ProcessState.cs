namespace Build.Tests.Rehearsal.Support;

/// <summary>Whether a process still runs, read from /proc.</summary>
public static class ProcessState
{
    /// <summary>A zombie (ended, not yet reaped by its new parent) runs nothing: only a state other than Z counts.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0] != "Z";
        }
        catch (IOException)
        {
            return false;
        }
    }
}
