using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Tests.Workflows;

public class RunnerTests
{
    [Fact]
    public void Custom_Label_IsKeptAsGiven()
    {
        Runner.Custom("self-hosted-arm64").Label.Should().Be("self-hosted-arm64");
        Runner.Ubuntu2404.Label.Should().Be("ubuntu-24.04");
        Runner.UbuntuLatest.Label.Should().Be("ubuntu-latest");
    }
}
