using Build.Tools.DockerCompose;

namespace Build.Tests.Tools.DockerCompose;

public sealed class ContainerStatusParserTests
{
    [Fact]
    public void Parse_StartingAndUnhealthyContainers_AreNotReady()
    {
        var statuses = ContainerStatusParser.Parse(["a /x x running starting", "b /y y running unhealthy", "c /z z exited none"]);

        statuses.Select(status => status.Health).Should().Equal(ContainerHealth.Starting, ContainerHealth.Unhealthy, ContainerHealth.None);
        statuses.Should().OnlyContain(status => !status.IsReady);
    }

    [Fact]
    public void Parse_AMalformedLine_ThrowsQuotingTheLine()
    {
        var act = () => ContainerStatusParser.Parse(["garbage"]);

        act.Should().Throw<FormatException>().WithMessage("Unexpected docker inspect line 'garbage'*");
    }
}
