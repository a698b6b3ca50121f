using Build.Frosting;
using Cake.Core;

namespace Build.Tests.Frosting.Scenarios;

[TaskName("CycleA")]
[IsDependentOn(typeof(CycleB))]
public sealed class CycleA : RecordingTask;

[TaskName("CycleB")]
[IsDependentOn(typeof(CycleA))]
public sealed class CycleB : RecordingTask;

/// <summary>Needs a context the test host does not use.</summary>
public sealed class OtherContext(ICakeContext context) : FrostingContext(context);

[TaskName("Other")]
public sealed class OtherContextTask : FrostingTask<OtherContext>;
