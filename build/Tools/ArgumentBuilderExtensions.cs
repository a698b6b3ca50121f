using Cake.Core.IO.Arguments;

namespace Build.Tools;

/// <summary>
/// Argument helpers that quote only when a value needs it, so rendered command lines stay readable and exact.
/// </summary>
public static class ArgumentBuilderExtensions
{
    /// <summary>Arguments starting with the command's words (<c>rollout status</c>), each appended as it is.</summary>
    public static ProcessArgumentBuilder Command(params string[] words) =>
        words.Aggregate(new ProcessArgumentBuilder(), (arguments, word) => arguments.Append(word));

    public static ProcessArgumentBuilder AppendValue(this ProcessArgumentBuilder builder, string value)
    {
        builder.Append(new TextArgument(ProcessArgumentEscaper.Escape(value)));
        return builder;
    }

    public static ProcessArgumentBuilder AppendValues(this ProcessArgumentBuilder builder,
        IEnumerable<string> values) =>
        values.Aggregate(builder, (arguments, value) => arguments.AppendValue(value));

    /// <summary><c>--name value</c> (or <c>--name=value</c> with <paramref name="separator"/> "=").</summary>
    public static ProcessArgumentBuilder AppendOption(this ProcessArgumentBuilder builder, string name, string value,
        string separator = " ")
    {
        if (separator == "=")
        {
            return builder.AppendValue($"{name}={value}");
        }
        builder.Append(new SwitchArgument(name, new TextArgument(ProcessArgumentEscaper.Escape(value)), separator));
        return builder;
    }

    public static ProcessArgumentBuilder AppendOptionIfSet(this ProcessArgumentBuilder builder, string name,
        string? value, string separator = " ") =>
        string.IsNullOrEmpty(value) ? builder : builder.AppendOption(name, value, separator);

    public static ProcessArgumentBuilder AppendOptions(this ProcessArgumentBuilder builder, string name,
        IEnumerable<string> values, string separator = " ") =>
        values.Aggregate(builder, (arguments, value) => arguments.AppendOption(name, value, separator));

    /// <summary><c>--name key=value</c> per entry, ordered by key so the line is the same on every run.</summary>
    public static ProcessArgumentBuilder AppendKeyValues(this ProcessArgumentBuilder builder, string name,
        IReadOnlyDictionary<string, string> values) =>
        builder.AppendOptions(name,
            values.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));

    public static ProcessArgumentBuilder AppendFlag(this ProcessArgumentBuilder builder, string flag, bool when) => when
        ? builder.Append(flag) : builder;

    public static ProcessArgumentBuilder AppendPath(this ProcessArgumentBuilder builder, Cake.Core.IO.Path path,
        ICakeEnvironment environment) =>
        builder.AppendValue(AbsolutePath(path, environment));

    public static ProcessArgumentBuilder AppendPathOption(
        this ProcessArgumentBuilder builder, string name, Cake.Core.IO.Path? path, ICakeEnvironment environment,
            string separator = " ") =>
        path is null ? builder : builder.AppendOption(name, AbsolutePath(path, environment), separator);

    /// <summary>
    /// Relative paths resolve against Cake's working directory (the Cake add-in convention), not the tool's.
    /// </summary>
    public static string AbsolutePath(Cake.Core.IO.Path path, ICakeEnvironment environment) => path switch
    {
        FilePath file => file.MakeAbsolute(environment).FullPath,
        DirectoryPath directory => directory.MakeAbsolute(environment).FullPath,
        _ => path.FullPath,
    };
}
