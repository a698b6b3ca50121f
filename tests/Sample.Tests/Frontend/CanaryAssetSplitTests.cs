using Pipeline.Tests.Shared;
using System.Text.RegularExpressions;
using Sample.Tests.Support;
using Xunit.Abstractions;
using static Sample.Tests.Helm.ChartValues;

namespace Sample.Tests.Frontend;

/// <summary>
/// One version per page load during a canary: two real builds of the frontend (the second with a visible change, so
/// its hashed files have other names), each served by a real nginx with the image's configuration and the peer the
/// chart gives it, behind a splitter that picks stable or canary for every request with the HTTPRoute's weights.
/// </summary>
[Trait("Requires", "helm")]
[Trait("Requires", "node")]
[Trait("Requires", "nginx")]
public sealed partial class CanaryAssetSplitTests(CanaryAssetSplitTests.TwoVersions versions, ITestOutputHelper output)
    : IClassFixture<CanaryAssetSplitTests.TwoVersions>
{
    private const int LoadsPerRun = 200;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    public async Task PageLoads_AtTheCanaryWeight_NeverSplitAPageFromItsAssets(int weight)
    {
        using var rollout = Rollout.Start(versions, weight, withPeers: true);

        var loads = await LoadPages(rollout.Splitter);

        output.WriteLine($"{weight} %: {loads}");
        loads.Mismatches.Should().BeEmpty("every asset a page references must come back, from the page's own version");
        loads.CanaryPages.Should().BeInRange(LoadsPerRun * weight / 300, LoadsPerRun * Math.Min(100, weight * 3) / 100,
            "the splitter sends about the weight's share of page loads to the canary");
        loads.AssetsFromPeer.Should().BePositive("some asset requests reached the other version and were answered through its peer");
    }

    [Fact]
    public async Task PageLoads_WithoutThePeerFallback_DoSplitPagesFromTheirAssets()
    {
        // The control: the same split without ASSET_PEER loses assets, so the test above can see a mismatch.
        using var rollout = Rollout.Start(versions, 50, withPeers: false);

        var loads = await LoadPages(rollout.Splitter);

        output.WriteLine($"50 % without peers: {loads}");
        loads.Mismatches.Should().NotBeEmpty().And.OnlyContain(m => m.Contains(" -> 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingAsset_InBothVersions_IsAnUncached404WithoutPingPong()
    {
        using var rollout = Rollout.Start(versions, 50, withPeers: true);
        using var client = Client();

        foreach (var server in new[] { rollout.Stable, rollout.Canary })
        {
            using var response = await client.GetAsync(new Uri(server.BaseAddress, "/assets/index-missing.js"));

            ((int)response.StatusCode).Should().Be(404, server.Output);
            response.Headers.CacheControl!.NoStore.Should().BeTrue("a name missing now may exist a moment later");
        }
    }

    private async Task<PageLoads> LoadPages(LocalServer splitter)
    {
        using var client = Client();
        var result = new PageLoads();
        for (var load = 0; load < LoadsPerRun; load++)
        {
            var page = await client.GetStringAsync(splitter.BaseAddress);
            var version = new[] { versions.Stable, versions.Canary }.Single(v => v.Page == page);
            result.CanaryPages += version.Name == "canary" ? 1 : 0;
            foreach (Match reference in AssetReference().Matches(page))
            {
                var path = reference.Groups["path"].Value;
                using var response = await client.GetAsync(new Uri(splitter.BaseAddress, path));
                var body = await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode || !body.AsSpan().SequenceEqual(version.Assets[path]))
                {
                    result.Mismatches.Add($"{version.Name} page, {path} -> {(int)response.StatusCode}");
                }

                result.AssetsFromPeer += response.Headers.Contains("X-Sovd-Asset-Source") ? 1 : 0;
            }
        }

        return result;
    }

    private static HttpClient Client() =>
        new(new SocketsHttpHandler { UseProxy = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            Timeout = RequestTimeout,
        };

    [GeneratedRegex("(?:src|href)=\"(?<path>/assets/[^\"]+)\"")]
    private static partial Regex AssetReference();

    private sealed class PageLoads
    {
        public List<string> Mismatches { get; } = [];

        public int CanaryPages { get; set; }

        public int AssetsFromPeer { get; set; }

        public override string ToString() =>
            $"{LoadsPerRun} page loads, {CanaryPages} from the canary, {AssetsFromPeer} assets answered through the peer, {Mismatches.Count} mismatches";
    }

    /// <summary>Stable and canary frontends and the splitter in front of them; disposing stops all three.</summary>
    private sealed class Rollout : IDisposable
    {
        private readonly List<LocalServer> _servers = [];

        public LocalServer Stable => _servers[0];

        public LocalServer Canary => _servers[1];

        public LocalServer Splitter => _servers[2];

        public static Rollout Start(TwoVersions versions, int weight, bool withPeers)
        {
            var rollout = new Rollout();
            try
            {
                // Each frontend gets the peer the chart renders for it, with the Service name mapped to its port here.
                var ports = new Dictionary<string, int>
                {
                    ["sovd-webapp-frontend"] = LocalServer.FreePort(),
                    ["sovd-webapp-canary-frontend"] = LocalServer.FreePort(),
                };
                var (stablePeer, canaryPeer, canaryPercent) = FromChart(weight);
                string Local(string peer) => withPeers ? $"127.0.0.1:{ports[peer.Split('.')[0]]}" : string.Empty;
                rollout._servers.Add(FrontendServer.Start(versions.Stable, versions.Root, Local(stablePeer), ports["sovd-webapp-frontend"]));
                rollout._servers.Add(FrontendServer.Start(versions.Canary, versions.Root, Local(canaryPeer), ports["sovd-webapp-canary-frontend"]));
                rollout._servers.Add(WeightedSplitter.Start(versions.Root, rollout.Stable, rollout.Canary, canaryPercent));
                return rollout;
            }
            catch
            {
                rollout.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            foreach (var server in _servers)
            {
                server.Dispose();
            }
        }

        /// <summary>Each release's ASSET_PEER and the canary's share of "/" from the stable release's HTTPRoute.</summary>
        private static (string StablePeer, string CanaryPeer, decimal CanaryPercent) FromChart(int weight)
        {
            var stable = Support.Helm.Render(StableRelease, Support.Helm.ProductionValues, LiveCanary(weight));
            var canary = Support.Helm.Render(CanaryRelease, Support.Helm.ProductionValues, Canary(weight));
            var backends = new GatewayRoute(stable.OfKind("HTTPRoute").Single()).BackendsFor("/");
            var canaryWeight = backends.Single(b => b.Service == "sovd-webapp-canary-frontend").Weight;
            return (AssetPeer(stable, "sovd-webapp-frontend"), AssetPeer(canary, "sovd-webapp-canary-frontend"),
                100m * canaryWeight / backends.Sum(b => b.Weight));
        }

        private static string AssetPeer(RenderedChart chart, string deployment) =>
            chart.Single("Deployment", deployment).Containers.Single().Sequence("env")
                .Single(e => e.Scalar("name") == "ASSET_PEER").Scalar("value")!;
    }

    /// <summary>The two builds, made once for the class in a temporary folder that is removed afterwards.</summary>
    public sealed class TwoVersions : IDisposable
    {
        public TwoVersions()
        {
            Root = Directory.CreateTempSubdirectory("canary-assets-").FullName;
            // nginx's workers run as an unprivileged user when the test runs as root: they must read the builds.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
            }

            Stable = FrontendBuild.Make("stable", Root, _ => { });
            Canary = FrontendBuild.Make("canary", Root, ChangeTheTitle);
            Canary.Assets.Keys.Should().NotIntersectWith(Stable.Assets.Keys, "the change must rename the hashed files");
        }

        public string Root { get; }

        public FrontendBuild Stable { get; }

        public FrontendBuild Canary { get; }

        public void Dispose() => Directory.Delete(Root, recursive: true);

        private static void ChangeTheTitle(string source)
        {
            var app = Path.Combine(source, "src", "App.tsx");
            var text = File.ReadAllText(app);
            text.Should().Contain(">SOVD Command WebApp<", "the change edits the app's title");
            File.WriteAllText(app, text.Replace(">SOVD Command WebApp<", ">SOVD Command WebApp (next)<", StringComparison.Ordinal));
            File.AppendAllText(Path.Combine(source, "src", "styles.css"), "\n.app-title { letter-spacing: 0.01em; }\n");
        }
    }
}
