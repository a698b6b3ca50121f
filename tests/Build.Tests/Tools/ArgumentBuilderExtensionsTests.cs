using Build.Tools;
using Cake.Core.IO;

namespace Build.Tests.Tools;

public sealed class ArgumentBuilderExtensionsTests
{
    [Fact]
    public void AppendValue_QuotesOnlyValuesWithWhitespaceOrQuotes()
    {
        var arguments = new ProcessArgumentBuilder().AppendValue("plain:tag").AppendValue("has space").AppendValue("say \"hi\"");

        arguments.Render().Should().Be("plain:tag \"has space\" \"say \\\"hi\\\"\"");
    }

    [Fact]
    public void AppendKeyValues_OrdersEntriesByKey_SoTheLineIsStable()
    {
        var values = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1 2" };

        new ProcessArgumentBuilder().AppendKeyValues("--label", values).Render().Should().Be("--label \"a=1 2\" --label b=2");
    }

    [Fact]
    public void AppendOption_WithEqualsSeparator_QuotesTheWholeOptionAsOneArgument()
    {
        var arguments = new ProcessArgumentBuilder().AppendOption("--from-file", "token=/a b/token", "=");

        arguments.Render().Should().Be("\"--from-file=token=/a b/token\"");
    }
}
