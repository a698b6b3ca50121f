using Pipeline.Definition.Stages;

namespace Pipeline.Definition.Tests.Stages;

public class ExpectedDurationTests
{
    [Fact]
    public void Minutes_FractionalMinutes_AreConvertedExactly()
    {
        var duration = ExpectedDuration.Minutes(1.5, 0.7, "estimate");

        duration.Cold.Should().Be(TimeSpan.FromSeconds(90));
        duration.Warm.Should().Be(TimeSpan.FromSeconds(42));
        duration.Source.Should().Be("estimate");
    }

    [Fact]
    public void Unknown_Always_IsZeroAndSaysNotMeasured()
    {
        ExpectedDuration.Unknown.Should().Be(new ExpectedDuration(TimeSpan.Zero, TimeSpan.Zero, "not measured"));
    }

    [Fact]
    public void Duration_EverySovdStage_IsStatedWithASourceAndWarmNotSlowerThanCold()
    {
        foreach (var stage in SovdPipeline.Definition.Stages)
        {
            stage.Duration.Should().NotBe(ExpectedDuration.Unknown, because: $"{stage.Name} needs an expected duration");
            stage.Duration.Warm.Should().BeLessThanOrEqualTo(stage.Duration.Cold, because: stage.Name);
            stage.Duration.Source.Should().NotBeNullOrWhiteSpace();
        }
    }
}
