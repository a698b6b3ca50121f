using System.Globalization;
using Build.Deploy;
using Build.Tests.Tasks.Deploy.Support;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// Whether a changed route is served, read from <c>kubectl get … -o json</c> in the real shape (the captured
/// HTTPRoute and Ingress in Fixtures/, filled in as the kubectl stand-in fills them).
/// </summary>
public sealed class RouteStatusTests
{
    private static readonly RouteParent Ours = new("sovd-gateway", "production", null);

    [Fact]
    public void HttpRouteNotReady_AcceptedAndResolvedForTheCurrentGeneration_IsNull() =>
        RouteStatus.HttpRouteNotReady(HttpRoute(), Ours).Should().BeNull();

    [Fact]
    public void HttpRouteNotReady_ResolvedRefsFalse_NamesTheReasonAndMessage() =>
        RouteStatus.HttpRouteNotReady(HttpRoute(resolved: "False", reason: "BackendNotFound", message: "Service production/sovd-webapp-canary-backend not found"), Ours)
            .Should().Be("ResolvedRefs=False (BackendNotFound: Service production/sovd-webapp-canary-backend not found)");

    [Fact]
    public void HttpRouteNotReady_ConditionsOfThePreviousGeneration_WaitsForTheControllerToCatchUp() =>
        RouteStatus.HttpRouteNotReady(HttpRoute(observed: 2), Ours)
            .Should().Be("Accepted describes generation 2, the route is at 3; ResolvedRefs describes generation 2, the route is at 3");

    [Fact]
    public void HttpRouteNotReady_StatusOnlyForAnotherGateway_SaysOursHasNotAnswered() =>
        RouteStatus.HttpRouteNotReady(HttpRoute(), new RouteParent("sovd-gateway", "infra", "https"))
            .Should().Be("no status from Gateway infra/sovd-gateway (listener https) yet (status.parents has no entry for it)");

    [Fact]
    public void HttpRouteNotReady_NoSuchRoute_SaysItDoesNotExist() =>
        RouteStatus.HttpRouteNotReady("", Ours).Should().Be("the HTTPRoute does not exist");

    [Fact]
    public void IngressNotReady_AddressPublished_IsNull() =>
        RouteStatus.IngressNotReady(Ingress("""{"ingress": [{"ip": "203.0.113.10"}]}""")).Should().BeNull();

    [Fact]
    public void IngressNotReady_EmptyLoadBalancerStatus_SaysNoAddressYet() =>
        RouteStatus.IngressNotReady(Ingress("{}")).Should().Be("no address in status.loadBalancer.ingress yet");

    private static string HttpRoute(string resolved = "True", string reason = "ResolvedRefs", string message = "Resolved all the Object references for the Route", int observed = 3) =>
        File.ReadAllText(Path.Combine(ClusterStandIn.Fixtures, "kubectl-get-httproute.json"))
            .Replace("__NAME__", "sovd-webapp").Replace("__NAMESPACE__", "production").Replace("__RELEASE__", "sovd-webapp-route")
            .Replace("__GENERATION__", "3").Replace("__OBSERVED__", observed.ToString(CultureInfo.InvariantCulture))
            .Replace("__ACCEPTED__", "True").Replace("__RESOLVED__", resolved).Replace("__RESOLVED_REASON__", reason).Replace("__RESOLVED_MESSAGE__", message);

    private static string Ingress(string loadBalancer) =>
        File.ReadAllText(Path.Combine(ClusterStandIn.Fixtures, "kubectl-get-ingress.json"))
            .Replace("__NAME__", "sovd-webapp").Replace("__NAMESPACE__", "production").Replace("__GENERATION__", "1").Replace("__LOAD_BALANCER__", loadBalancer);
}
