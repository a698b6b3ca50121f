using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Tests.Workflows;

public class ConcurrencyTests
{
    [Fact]
    public void Queue_Group_NeverCancelsTheRunningMember()
    {
        Concurrency.Queue("deploy-production").Should().Be(new Concurrency("deploy-production", "false"));
    }
}
