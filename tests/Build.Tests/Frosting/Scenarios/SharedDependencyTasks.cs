using Build.Frosting;

namespace Build.Tests.Frosting.Scenarios;

[TaskName("Shared")]
public sealed class SharedBase : RecordingTask;

[TaskName("Alpha")]
[IsDependentOn(typeof(SharedBase))]
public sealed class SharedAlpha : RecordingTask;

[TaskName("Beta")]
[IsDependentOn(typeof(SharedBase))]
public sealed class SharedBeta : RecordingTask;
