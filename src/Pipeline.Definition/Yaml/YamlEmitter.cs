using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipeline.Definition.Yaml;

/// <summary>Writes a <see cref="YamlTree"/> through YamlDotNet's emitter: block style, two-space indent, LF, final newline.</summary>
public static partial class YamlEmitter
{
    public static string Emit(YamlTree root, IEnumerable<string> headerComments)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings().WithBestIndent(2).WithBestWidth(int.MaxValue).WithIndentedSequences());
        emitter.Emit(new StreamStart());
        foreach (var line in headerComments)
        {
            emitter.Emit(new Comment(line, false));
        }

        emitter.Emit(new DocumentStart(null, null, true));
        EmitTree(emitter, root);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString().ReplaceLineEndings("\n");
    }

    private static void EmitTree(IEmitter emitter, YamlTree tree)
    {
        switch (tree)
        {
            case YamlMap map:
                var style = map.Entries.IsEmpty ? MappingStyle.Flow : MappingStyle.Block;
                emitter.Emit(new MappingStart(null, null, true, style));
                foreach (var (key, value) in map.Entries)
                {
                    emitter.Emit(new Scalar(key));
                    EmitTree(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case YamlSequence sequence:
                emitter.Emit(new SequenceStart(null, null, true, sequence.Flow ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in sequence.Items)
                {
                    EmitTree(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlScalar scalar:
                emitter.Emit(ToEvent(scalar));
                if (scalar.Comment is not null)
                {
                    emitter.Emit(new Comment(scalar.Comment, true));
                }

                break;
        }
    }

    private static Scalar ToEvent(YamlScalar scalar)
    {
        if (scalar.Kind == ScalarKind.Plain)
        {
            return new Scalar(null, null, scalar.Value, ScalarStyle.Plain, true, false);
        }

        if (scalar.Value.Contains('\n'))
        {
            return new Scalar(null, null, scalar.Value, ScalarStyle.Literal, true, true);
        }

        // Strings YAML 1.1 or 1.2 would read as booleans, nulls or numbers are quoted so they stay strings.
        var style = NonString().IsMatch(scalar.Value) ? ScalarStyle.SingleQuoted : ScalarStyle.Any;
        return new Scalar(null, null, scalar.Value, style, style == ScalarStyle.Any, true);
    }

    [GeneratedRegex(@"^(?:|~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:[eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex NonString();
}
