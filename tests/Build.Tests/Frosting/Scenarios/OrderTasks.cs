using Build.Frosting;
using Build.Tests.Frosting.Support;

namespace Build.Tests.Frosting.Scenarios;

// Restore <- Compile <- (graph provider) Package <- Default; Default also depends on Lint.
[TaskName("Restore")]
[TaskDescription("Restores packages")]
public sealed class OrderRestore : RecordingTask;

[TaskName("Compile")]
[TaskDescription("Compiles everything")]
[IsDependentOn(typeof(OrderRestore))]
public sealed class OrderCompile : RecordingTask;

[TaskName("Package")]
public sealed class OrderPackage : RecordingTask;

[TaskName("Lint")]
public sealed class OrderLint : RecordingTask;

[TaskName("Default")]
[IsDependentOn(typeof(OrderPackage))]
[IsDependentOn(typeof(OrderLint))]
public sealed class OrderDefault : RecordingTask;

public static class OrderScenario
{
    public static Type[] Tasks { get; } = [typeof(OrderRestore), typeof(OrderCompile), typeof(OrderPackage), typeof(OrderLint), typeof(OrderDefault)];

    public static StubGraph Graph() => new(new Dictionary<string, string[]> { ["Package"] = ["Compile"] });
}
