using Build.Frosting.Internal;
using Cake.Core.Diagnostics;

namespace Build.Tests.Frosting;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_NoArguments_TargetsDefaultAtNormalVerbosity()
    {
        var parsed = CommandLine.Parse([]);

        parsed.Command.Should().Be(HostCommand.Run);
        parsed.Targets.Should().Equal("Default");
        parsed.TargetsGiven.Should().BeFalse();
        parsed.Verbosity.Should().Be(Verbosity.Normal);
        parsed.Errors.Should().BeEmpty();
    }

    [Fact]
    public void Parse_TargetInEveryForm_CollectsAllInOrder()
    {
        var parsed = CommandLine.Parse(["--target=A", "--target", "B", "-t", "C", "-t=D", "--TARGET", "a"]);

        parsed.Targets.Should().Equal("A", "B", "C", "D");
        parsed.Arguments["target"].Should().Equal("A", "B", "C", "D", "a");
    }

    [Fact]
    public void Parse_OtherOptions_BecomeCakeArgumentsAndBareFlagsAreTrue()
    {
        var parsed = CommandLine.Parse(["--image-tag=1.2.3", "--registry", "ghcr.io/x", "--push", "--offset=-1", "--key=a=b"]);

        parsed.Arguments["image-tag"].Should().Equal("1.2.3");
        parsed.Arguments["registry"].Should().Equal("ghcr.io/x");
        parsed.Arguments["push"].Should().Equal("true");
        parsed.Arguments["offset"].Should().Equal("-1");
        parsed.Arguments["key"].Should().Equal("a=b");
        parsed.Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("--exclusive")]
    [InlineData("-e")]
    [InlineData("--exclusive=true")]
    public void Parse_Exclusive_IsSet(string option)
    {
        CommandLine.Parse([option]).Exclusive.Should().BeTrue();
    }

    [Theory]
    [InlineData("--tree", "Tree")]
    [InlineData("--showtree", "Tree")]
    [InlineData("--description", "Description")]
    [InlineData("--showdescription", "Description")]
    [InlineData("--descriptions", "Description")]
    [InlineData("--showdescriptions", "Description")]
    [InlineData("-h", "Help")]
    [InlineData("--version", "Version")]
    [InlineData("--ver", "Version")]
    [InlineData("--info", "Info")]
    [InlineData("--help --tree", "Help")]
    public void Parse_CommandOption_SelectsCommand(string options, string command)
    {
        CommandLine.Parse(options.Split(' ')).Command.ToString().Should().Be(command);
    }

    [Theory]
    [InlineData("q", Verbosity.Quiet)]
    [InlineData("MINIMAL", Verbosity.Minimal)]
    [InlineData("n", Verbosity.Normal)]
    [InlineData("Verbose", Verbosity.Verbose)]
    [InlineData("d", Verbosity.Diagnostic)]
    public void Parse_Verbosity_AcceptsNamesAndLettersInAnyCase(string value, Verbosity expected)
    {
        CommandLine.Parse(["-v", value]).Verbosity.Should().Be(expected);
    }

    [Fact]
    public void Parse_Working_KeepsThePath()
    {
        CommandLine.Parse(["-w", "/tmp"]).WorkingDirectory.Should().Be("/tmp");
    }

    [Theory]
    [InlineData("--target", "Missing value for --target. Use --target <value>.")]
    [InlineData("--exclusive=maybe", "Invalid value 'maybe' for --exclusive. Use --exclusive or --exclusive=true|false.")]
    [InlineData("-z", "Unknown option '-z'. Run with --help to see the options.")]
    [InlineData("build", "Unexpected argument 'build'. Options start with --; choose a task with --target <task>.")]
    [InlineData("--", "Unexpected argument '--'. Options look like --name or --name=value.")]
    public void Parse_BadInput_ReportsWhatIsWrong(string token, string error)
    {
        CommandLine.Parse([token]).Errors.Should().Equal(error);
    }
}
