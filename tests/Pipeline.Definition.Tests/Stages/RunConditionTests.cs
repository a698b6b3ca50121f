using Pipeline.Definition.Stages;

namespace Pipeline.Definition.Tests.Stages;

public class RunConditionTests
{
    [Fact]
    public void Always_Expression_IsNull()
    {
        RunCondition.Always.Expression.Should().BeNull();
        RunCondition.Always.Summary.Should().Be("always");
    }

    [Fact]
    public void OnPush_Expression_ExcludesPullRequests()
    {
        RunCondition.OnPush.Expression.Should().Be("github.event_name == 'push'");
        RunCondition.OnPush.Summary.Should().Be("on push");
    }

    [Fact]
    public void OnPushTo_Branch_ChecksEventAndRef()
    {
        var condition = RunCondition.OnPushTo("develop");

        condition.Expression.Should().Be("github.event_name == 'push' && github.ref == 'refs/heads/develop'");
        condition.Summary.Should().Be("on push to develop");
    }

    [Fact]
    public void OnPushTo_SameBranchTwice_IsEqual()
    {
        RunCondition.OnPushTo("main").Should().Be(RunCondition.OnPushTo("main"));
        RunCondition.OnPushTo("main").Should().NotBe(RunCondition.OnPushTo("develop"));
        RunCondition.OnPushTo("main").Should().NotBe(RunCondition.OnPush);
    }
}
