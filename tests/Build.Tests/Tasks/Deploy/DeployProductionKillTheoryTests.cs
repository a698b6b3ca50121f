using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.DeployProductionSafetyTests;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// The host killed (SIGKILL) at each step of a production rollout, then Repair-Production, then the deploy again: it must
/// end on the promoted stable with the canary gone. xunit runs one class's cases one after another, so the steps are in
/// two classes that run side by side.
/// </summary>
public static class KillTheory
{
    private static readonly (string Call, int Occurrence)[] Points =
    [
        ("kubectl apply", 1),                                           // the state, before the route's handover
        (Annotate, 1),
        ($"helm upgrade --install {Route}", 1),                         // the handover's install (left pending-install)
        (RouteGet, 1),
        ("kubectl apply", 2),                                           // the state of the 10 % step
        ($"helm upgrade --install {Canary}", 1),                        // the canary's first install
        ("kubectl rollout status", 1),
        ($"helm upgrade --install {Route}", 2),                         // 10 % (left pending-upgrade)
        (RouteGet, 2),                                                  // the wait before the 10 % smoke tests
        ($"helm upgrade --install {Canary}", 2),                        // 50 %, after the 10 % smoke tests
        ($"helm upgrade --install {Route}", 3),
        ($"helm upgrade --install {Route}", 4),                         // 100 %
        ("kubectl apply", 5),                                           // the promotion's state
        ($"helm upgrade --install {Stable} {DeployScenario.Chart}", 1), // stable's promotion (left pending-upgrade)
        ($"helm upgrade --install {Route}", 5),                         // the route back
        (RouteGet, 5),                                                  // the wait after the route back
        ($"helm uninstall {Canary}", 1),
        (StateDelete, 1),
    ];

    /// <summary>The steps up to the 10 % step's smoke tests.</summary>
    public static TheoryData<string, int> UpToTheTenPercentStep => Data(Points[..9]);

    /// <summary>The steps from the 50 % step to the clean-up.</summary>
    public static TheoryData<string, int> FromTheFiftyPercentStep => Data(Points[9..]);

    public static async Task KillRepairAndRunAgain(string call, int occurrence)
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7).InterruptAt(call, occurrence, "KILL");

        var interrupted = await scenario.RunAsync(Stage, Confirm, NoProbe);
        scenario.Cluster.StopInterrupting();
        var repair = await scenario.RunAsync("Repair-Production");
        var afterRepair = (Stable: scenario.Cluster.ReleaseState(Stable), Canary: scenario.Cluster.ReleaseState(Canary), Route: LastRoute(scenario));
        var again = await scenario.RunAsync(Stage, Confirm, NoProbe);

        interrupted.ExitCode.Should().NotBe(0, "the host was killed at the {0}. call containing '{1}'", occurrence, call);
        repair.ExitCode.Should().Be(0, repair.ToString());
        afterRepair.Stable.Should().StartWith("deployed ");
        afterRepair.Canary.Should().BeNull("the repair removes the canary");
        afterRepair.Route.Should().NotContain("canary.live=true", "the repair routes every request to stable");
        again.ExitCode.Should().Be(0, again.ToString());
        ShouldServeThePromotedStableOnly(scenario);
    }

    private static void ShouldServeThePromotedStableOnly(DeployScenario scenario)
    {
        scenario.Cluster.ReleaseState(Stable).Should().StartWith("deployed ");
        scenario.Cluster.ReleaseValues(Stable).Should().Contain($"backend.image.tag={DeployScenario.Sha}");
        scenario.Cluster.ReleaseState(Canary).Should().BeNull();
        scenario.Cluster.ReleaseState(Route).Should().StartWith("deployed ");
        LastRoute(scenario).Should().NotContain("canary.live=true");
        scenario.Cluster.ConfigMap(StateName).Should().BeNull();
    }

    // The last upgrade of the route release, as helm received it ("" when the route never left stable).
    private static string LastRoute(DeployScenario scenario) =>
        string.Join(' ', scenario.Cluster.HelmArguments.LastOrDefault(arguments => arguments[0] == "upgrade" && arguments.Contains(Route)) ?? []);

    private static TheoryData<string, int> Data(IEnumerable<(string Call, int Occurrence)> points)
    {
        var data = new TheoryData<string, int>();
        foreach (var (call, occurrence) in points)
        {
            data.Add(call, occurrence);
        }
        return data;
    }
}

[Trait("Tier", "process")]
public sealed class DeployProductionKilledUpToTheTenPercentStepTests
{
    [Theory]
    [MemberData(nameof(KillTheory.UpToTheTenPercentStep), MemberType = typeof(KillTheory))]
    public Task DeployProduction_KilledAtAnyStepThenRepairedThenRunAgain_StandIn_EndsOnStableWithTheCanaryPromotedAndGone(
        string call, int occurrence) => KillTheory.KillRepairAndRunAgain(call, occurrence);
}

[Trait("Tier", "process")]
public sealed class DeployProductionKilledFromTheFiftyPercentStepTests
{
    [Theory]
    [MemberData(nameof(KillTheory.FromTheFiftyPercentStep), MemberType = typeof(KillTheory))]
    public Task DeployProduction_KilledAtAnyStepThenRepairedThenRunAgain_StandIn_EndsOnStableWithTheCanaryPromotedAndGone(
        string call, int occurrence) => KillTheory.KillRepairAndRunAgain(call, occurrence);
}
