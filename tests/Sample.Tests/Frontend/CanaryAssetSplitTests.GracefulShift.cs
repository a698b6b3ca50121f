using Sample.Tests.Support;

namespace Sample.Tests.Frontend;

/// <summary>
/// A graceful shift: a bounded request load (page, API, readiness) runs through the splitter while the route moves
/// 0 → 10 → 50 → 100 %, stable's pod is replaced by one of the new build (promotion, with every request on the canary),
/// the route goes back to stable and the canary is removed. Each instance leaves the way a pod does in Kubernetes:
/// out of the route first, the preStop sleep, then the image's stop signal (nginx SIGQUIT, uvicorn SIGTERM).
/// </summary>
public sealed partial class CanaryAssetSplitTests
{
    private const string StableBuild = "stable-build";
    private const string CanaryBuild = "canary-build";
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan PreStopSleep = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(20);

    [Fact]
    [Trait("Requires", "python")]
    public async Task RequestLoad_AcrossEveryRouteChangeThePromotionAndStoppingInstances_GetsNo5xxAndNoDroppedRequest()
    {
        using var stable = AppInstance.Start(versions.Stable, versions.Root, StableBuild);
        using var canary = AppInstance.Start(versions.Canary, versions.Root, CanaryBuild);
        using var splitter = WeightedSplitter.Start(versions.Root, stable.Frontend, canary.Frontend, 0);
        await using var load = RequestLoad.Start(splitter.BaseAddress);
        await Task.Delay(Phase);
        foreach (var weight in new[] { 10, 50, 100 })
        {
            WeightedSplitter.Reroute(splitter, versions.Root, stable.Port, canary.Port, weight);
            await Task.Delay(Phase);
        }

        // Promotion: stable's new pod runs the new build; every request still goes to the canary while the old pod stops.
        using var promoted = AppInstance.Start(versions.Canary, versions.Root, CanaryBuild);
        WeightedSplitter.Reroute(splitter, versions.Root, promoted.Port, canary.Port, 100);
        await Task.Delay(PreStopSleep);
        var oldStable = stable.StopGracefully(StopLimit);
        await Task.Delay(Phase);
        // Route back to stable, then remove the canary.
        WeightedSplitter.Reroute(splitter, versions.Root, promoted.Port, canary.Port, 0);
        await Task.Delay(PreStopSleep);
        var oldCanary = canary.StopGracefully(StopLimit);
        await Task.Delay(Phase);
        await load.StopAsync();

        output.WriteLine($"graceful shift: {load}");
        load.ServerErrors.Should().Be(0, load.ToString());
        load.Errors.Should().BeEmpty(load.ToString());
        load.Sent.Should().BeGreaterThan(300, "the load ran through every step");
        load.RanOut.Should().BeFalse("the load must still run when the last instance stops");
        load.Versions.Keys.Should().BeEquivalentTo([StableBuild, CanaryBuild], "both builds answered, and every answer named one");
        oldStable.Should().Be(((int?)0, (int?)0), "nginx and uvicorn of the old stable pod finished and exited cleanly");
        oldCanary.Should().Be(((int?)0, (int?)0), "the canary's nginx and uvicorn finished and exited cleanly");
    }

    [Fact]
    [Trait("Requires", "python")]
    public async Task RequestLoad_WhenAnInstanceStopsWhileStillRouted_Gets5xx()
    {
        // The control: without leaving the route first (no endpoint removal, no preStop sleep) the same load sees
        // the splitter's 502s, so the test above can see a dropped request.
        using var stable = AppInstance.Start(versions.Stable, versions.Root, StableBuild);
        using var canary = AppInstance.Start(versions.Canary, versions.Root, CanaryBuild);
        using var splitter = WeightedSplitter.Start(versions.Root, stable.Frontend, canary.Frontend, 50);
        await using var load = RequestLoad.Start(splitter.BaseAddress);
        await Task.Delay(Phase);

        canary.Frontend.Signal("TERM");
        await Task.Delay(Phase);
        await load.StopAsync();

        output.WriteLine($"stopped while routed: {load}");
        load.ServerErrors.Should().BePositive(load.ToString());
    }
}
