using Sample.Tests.Support;

namespace Sample.Tests.Helm;

[Trait("Requires", "helm")]
public sealed class HelmLintTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(Support.Helm.StagingValues)]
    [InlineData(Support.Helm.ProductionValues)]
    public void Lint_WithEachValuesFile_PassesStrictLint(string? valuesFile)
    {
        var result = Support.Helm.Lint(valuesFile);

        result.Succeeded.Should().BeTrue(result.Describe());
        result.StdOut.Should().Contain("0 chart(s) failed");
        result.StdOut.Should().NotContain("[WARNING]").And.NotContain("[ERROR]");
    }
}
