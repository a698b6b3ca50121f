using System.Collections.Immutable;
using Pipeline.Definition.Yaml;

namespace Pipeline.Definition.Tests.Yaml;

public class YamlTreeTests
{
    [Fact]
    public void Add_NullOrEmptyValues_AreDropped()
    {
        var map = YamlMap.Empty
            .Add("text", (string?)null)
            .Add("number", (int?)null)
            .Add("map", YamlMap.Empty)
            .Add("list", YamlSequence.Of([]))
            .Add("pairs", ImmutableSortedDictionary<string, string>.Empty);

        map.Entries.Should().BeEmpty();
        map.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Add_EmptyMapThatIsKept_StaysAndRendersAsBraces()
    {
        var map = YamlMap.Empty.Add("workflow_dispatch", YamlMap.Empty with { KeepWhenEmpty = true });

        YamlEmitter.Emit(map, []).Should().Be("workflow_dispatch: {}\n");
    }

    [Fact]
    public void Add_Keys_KeepInsertionOrder()
    {
        var map = YamlMap.Empty.Add("zeta", "1").Add("alpha", 2).Add("mid", "x");

        map.Entries.Select(e => e.Key).Should().Equal("zeta", "alpha", "mid");
        YamlEmitter.Emit(map, []).Should().Be("zeta: '1'\nalpha: 2\nmid: x\n");
    }

    [Fact]
    public void Add_Pairs_BecomeANestedMapInTheirOwnOrder()
    {
        var pairs = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            [KeyValuePair.Create("B", "2"), KeyValuePair.Create("A", "x")]);

        YamlEmitter.Emit(YamlMap.Empty.Add("env", pairs), []).Should().Be("env:\n  A: x\n  B: '2'\n");
    }

    [Fact]
    public void Bool_Value_IsPlain()
    {
        YamlScalar.Bool(true).Should().Be(YamlScalar.Plain("true"));
        YamlScalar.Bool(false).Kind.Should().Be(ScalarKind.Plain);
    }
}
