using Build.Deploy;
using Build.Tools;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// <c>kubectl auth can-i</c>'s answers as kubectl 1.35 prints them (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go:
/// "yes", or "no" plus " - reason" and " - evaluation error" when the authorizer gives them; exit 1 on a no).
/// </summary>
public sealed class CanIAnswerTests
{
    [Theory]
    [InlineData(0, "yes", true)]
    [InlineData(1, "no", false)]
    [InlineData(1, "no - RBAC: role.rbac.authorization.k8s.io \"sovd-ci-deployer\" not found", false)]
    [InlineData(1, "no - no RBAC policy matched - webhook: timeout", false)]
    public void ReadCanI_KubectlsAnswer_IsAYesOrANo(int exitCode, string output, bool expected) =>
        Cluster.ReadCanI(new ToolResult(exitCode, [output], [])).Should().Be(expected);

    [Theory]
    [InlineData(1, "")]
    [InlineData(1, "nobody")]
    [InlineData(1, "yes")]
    public void ReadCanI_NoAnswer_IsNull(int exitCode, string output) =>
        Cluster.ReadCanI(new ToolResult(exitCode, [output], ["The connection to the server 127.0.0.1:6443 was refused"])).Should().BeNull();
}
