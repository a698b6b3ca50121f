using Build.Tests.Tasks.Deploy.Support;
using Build.Deploy;
using Xunit.Abstractions;
using Build.Tools.Prometheus;
using Pipeline.Definition;
using Pipeline.Definition.Stages;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// The deploy's canary analysis (its queries, judge and bake loop, the very code a deploy runs) against Debian's real
/// Prometheus scraping two real backends, stable and a canary test build, under bounded loopback load.
/// </summary>
[Trait("Tier", "process")]
[Trait("Requires", "prometheus")]
[Trait("Requires", "python")]
public sealed class CanaryAnalysisPrometheusTests(ITestOutputHelper output)
{
    private const string StableCommit = "1111111aaaaaaa";
    private const string CanaryCommit = "2222222bbbbbbb";

    // Production's thresholds and minimum requests, with steps short enough for a test: scrapes come every second here.
    private static readonly CanaryAnalysis Rules = SovdPipeline.DeployProduction.DeployTimeouts!.Analysis! with
    {
        Bake = TimeSpan.FromSeconds(6),
        Interval = TimeSpan.FromSeconds(2),
        StepLimit = TimeSpan.FromSeconds(12),
        QueryTimeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public void Run_HealthyCanary_RealPrometheus_PassesAfterTheBakeWithEveryThresholdMet()
    {
        var analysis = Analyse(Faults.None);

        analysis.Outcome.Should().StartWith("passed after ");
        analysis.Checks[^1].ElapsedSeconds.Should().BeGreaterThanOrEqualTo(Rules.Bake.TotalSeconds);
        analysis.Checks[^1].Thresholds.Select(t => (t.Name, t.Outcome)).Should().Equal(
            ("canary requests", "pass"), ("5xx share", "pass"), ("5xx share over stable", "pass"), ("p95 latency", "pass"), ("p95 against stable", "pass"));
    }

    [Fact]
    public void Run_CanaryAnsweringOneApiRequestInTenWith500_RealPrometheus_FailsOnTheFiveXxShareAtItsFirstVerdict()
    {
        var analysis = Analyse(new Faults(ErrorEvery: 10));

        analysis.Outcome.Should().StartWith("failed: 5xx share ");
        var last = analysis.Checks[^1];
        last.Thresholds.Should().Contain(t => t.Name == "5xx share" && t.Outcome == "fail");
        // increase() extrapolates over a window of a few scrapes, so the share is near 10 %, not exactly; the limit is 2 %.
        last.Canary.ErrorPercent.Should().BeGreaterThan(Rules.MaxErrorPercent);
        (last.Stable.ErrorPercent ?? 0).Should().Be(0);
        analysis.Checks.Take(analysis.Checks.Count - 1).Where(check => check.Verdict != CanaryVerdict.NoVerdict).Should()
            .BeEmpty("it fails at the first check with enough requests");
    }

    [Fact]
    public void Run_CanaryThreeHundredMillisecondsSlower_RealPrometheus_FailsOnP95AgainstStableAndNotOnErrors()
    {
        var analysis = Analyse(new Faults(DelayMs: 300));

        analysis.Outcome.Should().StartWith("failed: ");
        var last = analysis.Checks[^1];
        last.Canary.P95Seconds.Value.Should().BeGreaterThan(0.3);
        // On a loaded machine stable's own p95 can pass 700 ms, and the canary then fails the absolute 1 s limit too.
        last.Thresholds.Where(t => t.Failed).Select(t => t.Name).Should().Contain("p95 against stable")
            .And.NotContain(name => name.StartsWith("5xx", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_QuietCanary_RealPrometheus_GivesNoVerdictAtEachCheckThenFailsAtTheStepLimit()
    {
        var analysis = Analyse(Faults.None, canaryTraffic: false);

        analysis.Outcome.Should().Be(
            "failed: no verdict within the step limit of 12 s: the canary had 0 API requests, fewer than the 20 a verdict needs");
        analysis.Checks.Select(check => check.Verdict).Should().OnlyContain(verdict => verdict == CanaryVerdict.NoVerdict);
        analysis.Checks[^1].ElapsedSeconds.Should().BeGreaterThanOrEqualTo(Rules.StepLimit.TotalSeconds);
        analysis.Checks[^1].Stable.RequestCount.Should().BeGreaterThan(Rules.MinRequests, "stable had traffic all along");
    }

    [Fact]
    public void QueryNumber_BrokenExpressionAndTwoSeries_RealPrometheus_SayWhatPrometheusAnsweredAndWhatToDo()
    {
        using var stable = MetricsBackend.Start("stable", StableCommit, Faults.None);
        using var canary = MetricsBackend.Start("canary", CanaryCommit, Faults.None);
        using var prometheus = PrometheusServer.Start(stable, canary);
        using var client = new PrometheusClient(prometheus.BaseAddress, null, TimeSpan.FromSeconds(5));

        var broken = () => client.QueryNumber("sum(rate(", DateTimeOffset.UtcNow);
        var twoSeries = () => client.QueryNumber("up", DateTimeOffset.UtcNow);

        broken.Should().Throw<PrometheusException>().WithMessage("Prometheus refused `sum(rate(` (HTTP 400, bad_data): *");
        twoSeries.Should().Throw<PrometheusException>()
            .WithMessage("`up` gave 2 series, not one: the query must aggregate them (sum, histogram_quantile by le).");
    }

    [Fact]
    public void QueryNumber_NothingListening_SaysPrometheusDidNotAnswer()
    {
        var port = Pipeline.Tests.Shared.LocalServer.FreePort();
        using var client = new PrometheusClient(new Uri($"http://127.0.0.1:{port}"), null, TimeSpan.FromSeconds(1));

        var query = () => client.QueryNumber("up", DateTimeOffset.UtcNow);

        query.Should().Throw<PrometheusException>().WithMessage($"Prometheus at http://127.0.0.1:{port}/ did not answer within 1 s (*): check the URL and that it is reachable from here.");
    }

    private StepAnalysis Analyse(Faults canaryFaults, bool canaryTraffic = true)
    {
        using var stable = MetricsBackend.Start("stable", StableCommit, Faults.None);
        using var canary = MetricsBackend.Start("canary", CanaryCommit, canaryFaults);
        using var prometheus = PrometheusServer.Start(stable, canary);
        using var load = canaryTraffic ? new TrafficLoad(stable, canary) : new TrafficLoad(stable);
        using var client = new PrometheusClient(prometheus.BaseAddress, null, Rules.QueryTimeout);
        var log = new List<string>();
        var queries = new CanaryQueries(CanaryCommit, $"namespace=\"{PrometheusServer.Namespace}\"");

        var analysis = new CanaryBake(Rules, client, queries, log.Add).Run(10);

        log.ForEach(output.WriteLine);
        output.WriteLine($"{analysis.Outcome} ({load.Sent} requests sent)");
        log.Should().HaveCount(analysis.Checks.Count).And.AllSatisfy(line => line.Should().StartWith("canary 10 %: check "));
        return analysis;
    }
}
