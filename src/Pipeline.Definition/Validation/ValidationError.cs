namespace Pipeline.Definition.Validation;

/// <summary>One problem found in a definition, naming what it is in (a stage, a job, a target).</summary>
public sealed record ValidationError(string Subject, string Message)
{
    public override string ToString() => $"{Subject}: {Message}";
}
