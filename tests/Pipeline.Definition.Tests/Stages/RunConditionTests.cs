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

    [Theory]
    [InlineData(true, "main", true, true, true)]
    [InlineData(true, "develop", true, true, false)]
    [InlineData(false, "main", true, false, false)]
    public void Matches_Trigger_AlwaysPushAndBranch(bool isPush, string branch, bool always, bool onPush, bool onPushToMain)
    {
        var trigger = new TriggerEvent(isPush, branch);

        RunCondition.Always.Matches(trigger).Should().Be(always);
        RunCondition.OnPush.Matches(trigger).Should().Be(onPush);
        RunCondition.OnPushTo("main").Matches(trigger).Should().Be(onPushToMain);
    }
}
