using System.Text.RegularExpressions;
using Pipeline.Definition.Stages;

namespace Pipeline.Definition.Validation;

/// <summary>Checks the stage graph and returns every problem at once, each naming its stage.</summary>
public static partial class PipelineValidator
{
    public static IReadOnlyList<ValidationError> Validate(PipelineDefinition pipeline, IReadOnlyCollection<string>? hostTasks = null)
    {
        var errors = new List<ValidationError>();
        errors.AddRange(Names(pipeline));
        errors.AddRange(Needs(pipeline));
        errors.AddRange(Cycles(pipeline));
        errors.AddRange(Secrets(pipeline));
        errors.AddRange(Cloud(pipeline));
        errors.AddRange(RegistryWrites(pipeline));
        errors.AddRange(ArtifactFolders(pipeline));
        errors.AddRange(Downloads(pipeline));
        errors.AddRange(Durations(pipeline));
        errors.AddRange(DeployBudgets(pipeline));
        errors.AddRange(ToolCoverage(pipeline));
        if (hostTasks is not null)
        {
            errors.AddRange(HostBinding(pipeline, hostTasks));
        }

        return errors;
    }

    private static IEnumerable<ValidationError> Names(PipelineDefinition pipeline)
    {
        foreach (var target in pipeline.Targets.Where(t => !TargetName().IsMatch(t.Name)))
        {
            yield return new(Describe(target), "the name must be words in Kebab-Case starting with a capital letter (e.g. 'Deploy-Staging').");
        }

        foreach (var group in pipeline.Targets.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return new(Describe(group.First()), $"the name is defined {group.Count()} times; target names must be unique.");
        }
    }

    private static IEnumerable<ValidationError> Needs(PipelineDefinition pipeline)
    {
        var known = pipeline.Targets.ToHashSet();
        var position = pipeline.Stages.Select((s, i) => (s, i)).DistinctBy(p => p.s).ToDictionary(p => p.s, p => p.i);
        foreach (var target in pipeline.Targets)
        {
            foreach (var need in target.Dependencies)
            {
                if (ReferenceEquals(need, target) || need.Equals(target))
                {
                    yield return new(Describe(target), "it needs itself.");
                }
                else if (!known.Contains(need))
                {
                    yield return new(Describe(target), $"it needs '{need.Name}', which is not part of the pipeline. Add that stage to the pipeline or remove the need.");
                }
                else if (target is Stage stage && need is Stage needed && position[needed] > position[stage])
                {
                    yield return new(Describe(target), $"it needs '{need.Name}', which is listed after it; list stages in the order they run.");
                }
            }
        }
    }

    private static IEnumerable<ValidationError> Cycles(PipelineDefinition pipeline)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cycle in pipeline.Targets.Select(t => FindCycle(t, [])).OfType<List<PipelineTarget>>())
        {
            var start = cycle.IndexOf(cycle.MinBy(t => t.Name, StringComparer.Ordinal)!);
            var rotated = cycle.Skip(start).Concat(cycle.Take(start)).ToList();
            var text = string.Join(" -> ", rotated.Append(rotated[0]).Select(t => t.Name));
            if (reported.Add(text))
            {
                yield return new(Describe(rotated[0]), $"the needs form a cycle: {text}.");
            }
        }
    }

    private static List<PipelineTarget>? FindCycle(PipelineTarget target, List<PipelineTarget> trail)
    {
        var index = trail.IndexOf(target);
        if (index >= 0)
        {
            return trail.Count - index > 1 ? trail.Skip(index).ToList() : null;
        }

        trail.Add(target);
        var found = target.Dependencies.Where(d => !d.Equals(target)).Select(d => FindCycle(d, trail)).FirstOrDefault(c => c is not null);
        trail.RemoveAt(trail.Count - 1);
        return found;
    }

    private static IEnumerable<ValidationError> Secrets(PipelineDefinition pipeline) =>
        from stage in pipeline.Stages
        where stage.Environment is null
        from secret in stage.JobSecrets.Where(s => !s.IsRunToken)
        select new ValidationError(Describe(stage),
            $"it uses secrets.{secret.SecretName} but runs in no environment [secrets-outside-env]; give the stage an Environment so the secret is scoped to it.");

    private static IEnumerable<ValidationError> ArtifactFolders(PipelineDefinition pipeline) =>
        from stage in pipeline.Stages
        from artifact in stage.Uploads.Concat(stage.Downloads).Distinct().Where(a => !a.IsInsideRoot)
        select new ValidationError(Describe(stage), $"its artifact '{artifact.Name}' is at '{artifact.Path}', outside "
            + $"{Artifact.Root}/; put it in a folder below {Artifact.Root}/, which the host's --artifacts-root relocates.");

    private static IEnumerable<ValidationError> Downloads(PipelineDefinition pipeline)
    {
        foreach (var stage in pipeline.Stages)
        {
            var upstream = Upstream(stage).SelectMany(s => s.Uploads).ToHashSet();
            foreach (var artifact in stage.Downloads.Where(a => !upstream.Contains(a)))
            {
                yield return new(Describe(stage), $"it downloads '{artifact.Name}', which no stage it needs uploads.");
            }
        }
    }

    private static IEnumerable<ValidationError> Durations(PipelineDefinition pipeline)
    {
        foreach (var stage in pipeline.Stages.Where(s => s.Duration == ExpectedDuration.Unknown))
        {
            yield return new(Describe(stage), "it has no expected duration; set Duration so the critical path can be checked against the budget.");
        }

        if (pipeline.Stages.Any(s => s.Duration == ExpectedDuration.Unknown) || Upstream(pipeline).Any())
        {
            yield break;
        }

        foreach (var trigger in CriticalPath.EventsOf(pipeline))
        {
            var path = CriticalPath.For(pipeline, trigger, d => d.Cold);
            if (path.Total > pipeline.Settings.Budget)
            {
                yield return new("Pipeline",
                    $"the critical path for a {trigger} takes {path.Total.TotalMinutes:0.#} min with cold caches " +
                    $"({string.Join(" -> ", path.Path.Select(s => s.Name))}), over the budget of {pipeline.Settings.Budget.TotalMinutes:0.#} min.");
            }
        }
    }

    // A graph with unknown or misordered needs has no meaningful critical path: those errors come first.
    private static IEnumerable<Stage> Upstream(PipelineDefinition pipeline) =>
        pipeline.Stages.SelectMany((stage, index) => stage.Needs.Where(n => pipeline.Stages.IndexOf(n) is var i && (i < 0 || i >= index)));

    /// <summary>A deploy's worst case plus its margin must fit the job's timeout: GitHub would otherwise kill helm mid-upgrade.</summary>
    private static IEnumerable<ValidationError> DeployBudgets(PipelineDefinition pipeline)
    {
        foreach (var stage in pipeline.Stages.Where(s => s.Deploys && s.Step is PipelineStep.StagingDeploy or PipelineStep.ProductionDeploy))
        {
            if (stage.DeployTimeouts is not { } timeouts)
            {
                yield return new(Describe(stage), "it deploys with helm but has no DeployTimeouts; set them so its worst case can be checked against timeout-minutes.");
                continue;
            }
            var analysisProblems = timeouts.Analysis?.Problems().ToList() ?? [];
            foreach (var problem in analysisProblems)
            {
                yield return new(Describe(stage), problem);
            }
            // Bad analysis settings make the bakes' sum meaningless: those are fixed first.
            if (analysisProblems.Count == 0 && stage.Duration.Bakes != timeouts.PassingBakes)
            {
                yield return new(Describe(stage),
                    $"its expected duration counts {DeployWorstCase.Minutes(stage.Duration.Bakes)} of canary bakes, " +
                    $"but its analysis bakes {DeployWorstCase.Minutes(timeouts.PassingBakes)} [bake-in-duration]; " +
                    "state it as ExpectedDuration.Minutes(…).PlusBakes(<its DeployTimeouts>), so the critical path " +
                    "is checked against the budget with the bakes in.");
            }
            var terms = DeployWorstCase.Of(timeouts);
            var total = DeployWorstCase.Total(timeouts);
            if (total + timeouts.Margin > TimeSpan.FromMinutes(stage.TimeoutMinutes))
            {
                yield return new(Describe(stage),
                    $"its worst case is {DeployWorstCase.Minutes(total)} ({string.Join(" + ", terms)}), plus the margin of " +
                    $"{DeployWorstCase.Minutes(timeouts.Margin)} that is {DeployWorstCase.Minutes(total + timeouts.Margin)}, more than its timeout-minutes " +
                    $"{stage.TimeoutMinutes} [deploy-time-budget]; raise TimeoutMinutes or lower the DeployTimeouts, or GitHub kills helm mid-upgrade.");
            }
        }
    }

    private static IEnumerable<ValidationError> HostBinding(PipelineDefinition pipeline, IReadOnlyCollection<string> hostTasks)
    {
        var tasks = hostTasks.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var target in pipeline.Targets.Where(t => !tasks.Contains(t.Name)))
        {
            yield return new(Describe(target), "the build host has no task of this name; add a task class with [TaskName(\"" + target.Name + "\")] in build/Tasks.");
        }

        var names = pipeline.Targets.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var task in hostTasks.Where(t => !names.Contains(t)).Order(StringComparer.Ordinal))
        {
            yield return new($"Task '{task}'", "the pipeline definition has no stage or target of this name; add it to the definition or remove the task.");
        }
    }

    /// <summary>Every stage that runs before <paramref name="stage"/>; safe on cyclic graphs.</summary>
    internal static IReadOnlySet<Stage> Upstream(Stage stage)
    {
        var seen = new HashSet<Stage>();
        var pending = new Stack<Stage>(stage.Needs);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var need in next.Needs)
                {
                    pending.Push(need);
                }
            }
        }

        return seen;
    }

    private static string Describe(PipelineTarget target) =>
        target is Stage ? $"Stage '{target.Name}'" : $"Target '{target.Name}'";

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$")]
    private static partial Regex TargetName();
}
