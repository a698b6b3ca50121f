namespace Build.Tasks.StageHelpers;

/// <summary>Collects why a stage failed while it keeps going, then fails once with every reason.</summary>
internal sealed class StageFailures(Stage stage)
{
    private readonly List<string> _reasons = [];

    public bool Any => _reasons.Count > 0;

    public void Add(string reason) => _reasons.Add(reason);

    public void ThrowIfAny()
    {
        if (_reasons.Count == 1)
        {
            throw new CakeException($"{stage.Name} failed: {_reasons[0]}");
        }
        if (_reasons.Count > 1)
        {
            throw new CakeException(
                $"{stage.Name} failed:\n" + string.Join('\n', _reasons.Select(reason => $"  - {reason}")));
        }
    }
}
