using System.Collections.Immutable;

namespace Pipeline.Definition.Yaml;

/// <summary>An ordered YAML tree: the shape the writer emits, with keys in the order they were added.</summary>
public abstract record YamlTree
{
    public abstract bool IsEmpty { get; }
}

/// <summary>A mapping whose keys keep their insertion order; an empty value is dropped when it is added.</summary>
public sealed record YamlMap(ImmutableArray<KeyValuePair<string, YamlTree>> Entries) : YamlTree
{
    public static YamlMap Empty { get; } = new(ImmutableArray<KeyValuePair<string, YamlTree>>.Empty);

    /// <summary>Renders as <c>{}</c> instead of being dropped when empty (e.g. <c>permissions: {}</c>).</summary>
    public bool KeepWhenEmpty { get; init; }

    public override bool IsEmpty => Entries.IsEmpty && !KeepWhenEmpty;

    public YamlMap Add(string key, YamlTree? value) =>
        value is null || value.IsEmpty ? this : this with { Entries = Entries.Add(new(key, value)) };

    public YamlMap Add(string key, string? text) => Add(key, text is null ? null : YamlScalar.Text(text));

    public YamlMap Add(string key, int? number) => Add(key, number is null ? null : YamlScalar.Plain(number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public YamlMap Add(string key, IEnumerable<KeyValuePair<string, string>> pairs) =>
        Add(key, pairs.Aggregate(Empty, (map, pair) => map.Add(pair.Key, pair.Value)));
}

/// <summary>A sequence, written in block style unless <see cref="Flow"/>.</summary>
public sealed record YamlSequence(ImmutableArray<YamlTree> Items, bool Flow = false) : YamlTree
{
    public override bool IsEmpty => Items.IsEmpty;

    public static YamlSequence Of(IEnumerable<string> texts, bool flow = false) =>
        new([.. texts.Select(YamlScalar.Text)], flow);
}

/// <summary>How a scalar is written.</summary>
public enum ScalarKind
{
    /// <summary>A string: quoted when YAML would read it as something else (true, 3.10, null…).</summary>
    Text,

    /// <summary>A number or boolean meant as such: written plain.</summary>
    Plain,
}

/// <summary>A scalar with an optional comment written after it on the same line.</summary>
public sealed record YamlScalar(string Value, ScalarKind Kind, string? Comment = null) : YamlTree
{
    public override bool IsEmpty => false;

    public static YamlScalar Text(string value) => new(value, ScalarKind.Text);

    public static YamlScalar Plain(string value) => new(value, ScalarKind.Plain);

    public static YamlScalar Bool(bool value) => Plain(value ? "true" : "false");
}
