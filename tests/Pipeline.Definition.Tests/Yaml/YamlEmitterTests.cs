using Pipeline.Definition.Generation;
using Pipeline.Definition.Yaml;

namespace Pipeline.Definition.Tests.Yaml;

public class YamlEmitterTests
{
    [Theory]
    [InlineData("3.10", "'3.10'")]
    [InlineData("20", "'20'")]
    [InlineData("true", "'true'")]
    [InlineData("False", "'False'")]
    [InlineData("on", "'on'")]
    [InlineData("off", "'off'")]
    [InlineData("yes", "'yes'")]
    [InlineData("y", "'y'")]
    [InlineData("null", "'null'")]
    [InlineData("~", "'~'")]
    [InlineData("", "''")]
    [InlineData("0x1F", "'0x1F'")]
    [InlineData("0o17", "'0o17'")]
    [InlineData("1e3", "'1e3'")]
    [InlineData("-1.5", "'-1.5'")]
    [InlineData(".inf", "'.inf'")]
    [InlineData("*.txt", "'*.txt'")]
    [InlineData("&anchor", "'&anchor'")]
    [InlineData("!tag", "'!tag'")]
    [InlineData("- item", "'- item'")]
    [InlineData("key: value", "'key: value'")]
    [InlineData("a # b", "'a # b'")]
    [InlineData("# comment", "'# comment'")]
    [InlineData("{a}", "'{a}'")]
    [InlineData("[b]", "'[b]'")]
    [InlineData("@user", "'@user'")]
    [InlineData(" padded ", "' padded '")]
    [InlineData("it's", "it's")]
    [InlineData("'quoted'", "\"'quoted'\"")]
    public void Emit_TextYamlWouldReadOtherwise_IsQuoted(string value, string expected)
    {
        Emit(value).Should().Be($"key: {expected}\n");
    }

    [Theory]
    [InlineData("ubuntu-24.04")]
    [InlineData("v3.17.2")]
    [InlineData("3.10.1")]
    [InlineData("~/.nuget/packages")]
    [InlineData("ci-cd-${{ github.ref }}")]
    [InlineData("github.event_name == 'push'")]
    [InlineData("https://sovd.example.com")]
    [InlineData("always() && hashFiles('x/*.sarif') != ''")]
    public void Emit_UnambiguousText_IsPlain(string value)
    {
        Emit(value).Should().Be($"key: {value}\n");
    }

    [Fact]
    public void Emit_PlainScalar_IsNeverQuoted()
    {
        var map = YamlMap.Empty.Add("cancel", YamlScalar.Plain("false")).Add("text", YamlScalar.Text("false")).Add("minutes", 15);

        YamlEmitter.Emit(map, []).Should().Be("cancel: false\ntext: 'false'\nminutes: 15\n");
    }

    [Fact]
    public void Emit_MultiLineTextEndingInNewline_IsALiteralBlock()
    {
        Emit("npm ci\nnpx playwright install\n").Should().Be("key: |\n  npm ci\n  npx playwright install\n");
    }

    [Fact]
    public void Emit_MultiLineTextWithoutFinalNewline_IsAStrippedLiteralBlock()
    {
        Emit("line one\nline two").Should().Be("key: |-\n  line one\n  line two\n");
    }

    [Fact]
    public void Emit_NestedMultiLineText_IsIndentedUnderItsKey()
    {
        var map = YamlMap.Empty.Add("steps", new YamlSequence([YamlMap.Empty.Add("run", "a\nb\n")]));

        YamlEmitter.Emit(map, []).Should().Be("steps:\n  - run: |\n      a\n      b\n");
    }

    [Fact]
    public void Emit_Sequences_BlockIndentedOrFlow()
    {
        var map = YamlMap.Empty
            .Add("block", YamlSequence.Of(["a", "true"]))
            .Add("flow", YamlSequence.Of(["b", "c"], flow: true));

        YamlEmitter.Emit(map, []).Should().Be("block:\n  - a\n  - 'true'\nflow: [b, c]\n");
    }

    [Fact]
    public void Emit_HeaderAndScalarComments_AreWrittenAsYamlComments()
    {
        var map = YamlMap.Empty.Add("uses", new YamlScalar("owner/tool@abc", ScalarKind.Text, "v1.2.3"));

        YamlEmitter.Emit(map, ["first", "  second"]).Should().Be("# first\n#   second\nuses: owner/tool@abc # v1.2.3\n");
    }

    [Fact]
    public void Emit_WindowsNewlinesInValues_AreWrittenAsLf()
    {
        Emit("a\r\nb\r\n").Should().NotContain("\r");
    }

    [Fact]
    public void Render_SovdWorkflow_UsesLfAndEndsWithOneNewline()
    {
        var text = Render();

        text.Should().NotContain("\r");
        text.Should().EndWith("\n");
        text.Should().NotEndWith("\n\n");
        text.Split('\n').Should().NotContain(line => line.EndsWith(' ') || line.Contains('\t'));
    }

    [Fact]
    public void Render_SameDefinitionTwice_IsByteForByteIdentical()
    {
        Render().Should().Be(Render());
    }

    private static string Render() => WorkflowToYaml.Render(
        WorkflowGenerator.Generate(SovdPipeline.Definition), SovdPipeline.Settings.DefinitionFile, WorkflowGenerator.RegenerateCommand);

    private static string Emit(string value) => YamlEmitter.Emit(YamlMap.Empty.Add("key", value), []);
}
