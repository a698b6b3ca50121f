namespace Pipeline.Definition.Stages;

/// <summary>
/// A coverage report (Cobertura XML) inside a stage's artifact folder that the job sends to the coverage service
/// behind the README's coverage badge, under <paramref name="Flag"/> (backend, frontend).
/// </summary>
public sealed record CoverageReport(Artifact Reports, string File, string Flag)
{
    public string Path => $"{Reports.Path}/{File}";
}
