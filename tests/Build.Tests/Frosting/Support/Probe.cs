namespace Build.Tests.Frosting.Support;

/// <summary>Injected into test tasks through DI; records what ran, in order.</summary>
public sealed class Probe
{
    private readonly List<string> _events = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Names of the tasks whose Run was called, in order.</summary>
    public IReadOnlyList<string> Ran => [.. Events.Where(e => e.StartsWith("Run:", StringComparison.Ordinal)).Select(e => e[4..])];

    public void Record(string what)
    {
        lock (_lock)
        {
            _events.Add(what);
        }
    }
}
