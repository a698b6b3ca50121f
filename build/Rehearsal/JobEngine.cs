namespace Build.Rehearsal;

/// <summary>
/// The container engine a job sees. GitHub gives every job a fresh engine; a rehearsal must not let a job see
/// images another job built or loaded, so each job gets its own engine or none at all.
/// </summary>
public interface IJobEngine
{
    /// <summary>Starts the job's engine and returns the environment that points the job's docker calls at it.</summary>
    Task<IReadOnlyDictionary<string, string>> StartAsync(JobWorkspace job, CancellationToken cancellation);

    /// <summary>Stops what <see cref="StartAsync"/> started; runs also after a failure or an interruption.</summary>
    Task StopAsync(JobWorkspace job);
}

/// <summary>No engine: docker calls of the job fail instead of reaching the machine's shared engine and its images.</summary>
public sealed class NoEngine : IJobEngine
{
    public Task<IReadOnlyDictionary<string, string>> StartAsync(JobWorkspace job, CancellationToken cancellation) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>
        {
            ["DOCKER_HOST"] = $"unix://{Path.Combine(job.Scratch, "no-engine.sock")}",
        });

    public Task StopAsync(JobWorkspace job) => Task.CompletedTask;
}
