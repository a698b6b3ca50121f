using Build.Frosting.Additions;

namespace Build.Frosting.Internal;

/// <summary>
/// Cake's command line: host options (see <see cref="HostOption"/>) plus <c>--name=value</c>, <c>--name value</c> and
/// bare <c>--flag</c> (= "true") Cake arguments. A value that starts with '-' needs the <c>--name=value</c> form.
/// </summary>
internal static class CommandLineParser
{
    public const string DefaultTarget = "Default";

    private const string VerbosityValues = "quiet, minimal, normal, verbose, diagnostic";

    public static ParsedCommandLine Parse(IEnumerable<string> args)
    {
        var state = new ParseState();
        var tokens = args.ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!TrySplit(tokens[i], out var name, out var inline, out var longForm, state))
            {
                continue;
            }

            var option = HostOption.Find(name);
            if (option is null)
            {
                if (!longForm)
                {
                    state.Errors.Add($"Unknown option '{tokens[i]}'. Run with --help to see the options.");
                    continue;
                }

                state.Arguments.Add((name, inline ?? TakeValue(tokens, ref i) ?? "true"));
                continue;
            }

            var value = option.TakesValue ? inline ?? TakeValue(tokens, ref i) : inline;
            Apply(option, value, state);
        }

        return state.ToResult();
    }

    private static bool TrySplit(string token, out string name, out string? inline, out bool longForm, ParseState state)
    {
        longForm = token.StartsWith("--", StringComparison.Ordinal);
        var body = longForm ? token[2..] : token.StartsWith('-') ? token[1..] : null;
        name = string.Empty;
        inline = null;
        if (string.IsNullOrEmpty(body) || body.StartsWith('='))
        {
            state.Errors.Add(body is null
                ? $"Unexpected argument '{token}'. Options start with --; choose a task with --target <task>."
                : $"Unexpected argument '{token}'. Options look like --name or --name=value.");
            return false;
        }

        var equals = body.IndexOf('=', StringComparison.Ordinal);
        name = equals < 0 ? body : body[..equals];
        inline = equals < 0 ? null : body[(equals + 1)..];
        return true;
    }

    private static string? TakeValue(List<string> tokens, ref int index)
    {
        if (index + 1 < tokens.Count && !tokens[index + 1].StartsWith('-'))
        {
            index++;
            return tokens[index];
        }

        return null;
    }

    private static void Apply(HostOption option, string? value, ParseState state)
    {
        if (option.TakesValue && string.IsNullOrWhiteSpace(value))
        {
            state.Errors.Add($"Missing value for --{option.Name}. Use --{option.Name} <value>.");
            return;
        }

        var on = true;
        if (!option.TakesValue && !TryFlag(value, out on))
        {
            state.Errors.Add($"Invalid value '{value}' for --{option.Name}. Use --{option.Name} or --{option.Name}=true|false.");
            return;
        }

        switch (option.Name)
        {
            case HostOption.Target:
                state.Targets.Add(value!);
                state.Arguments.Add((option.Name, value!));
                break;
            case HostOption.Verbosity:
                ApplyVerbosity(value!, state);
                break;
            case HostOption.Working:
                state.WorkingDirectory = value;
                state.Arguments.Add((option.Name, value!));
                break;
            default:
                state.Flags[option.Name] = on;
                break;
        }
    }

    private static void ApplyVerbosity(string value, ParseState state)
    {
        if (VerbosityParser.TryParse(value, out var verbosity))
        {
            state.Verbosity = verbosity;
            state.Arguments.Add((HostOption.Verbosity, value));
        }
        else
        {
            state.Errors.Add($"Invalid value '{value}' for --verbosity. Valid values: {VerbosityValues}.");
        }
    }

    private static bool TryFlag(string? value, out bool on)
    {
        on = true;
        return value is null || bool.TryParse(value, out on);
    }

    private sealed class ParseState
    {
        public List<string> Targets { get; } = [];

        public List<(string Name, string Value)> Arguments { get; } = [];

        public Dictionary<string, bool> Flags { get; } = new(StringComparer.OrdinalIgnoreCase);

        public List<string> Errors { get; } = [];

        public Verbosity Verbosity { get; set; } = Verbosity.Normal;

        public string? WorkingDirectory { get; set; }

        public ParsedCommandLine ToResult()
        {
            var exclusive = Flag(HostOption.Exclusive);
            var dryRun = Flag(HostOption.DryRun);
            if (exclusive)
            {
                Arguments.Add((HostOption.Exclusive, "true"));
            }

            if (dryRun)
            {
                Arguments.Add((HostOption.DryRun, "true"));
            }

            var targets = Targets.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return new ParsedCommandLine(
                Command(),
                targets.Count > 0 ? targets : [DefaultTarget],
                targets.Count > 0,
                exclusive,
                dryRun,
                Verbosity,
                WorkingDirectory,
                Arguments.ToLookup(a => a.Name, a => a.Value, StringComparer.OrdinalIgnoreCase),
                Errors);
        }

        private bool Flag(string name) => Flags.TryGetValue(name, out var on) && on;

        private HostCommand Command() =>
            Flag(HostOption.Help) ? HostCommand.Help
            : Flag(HostOption.Version) ? HostCommand.Version
            : Flag(HostOption.Info) ? HostCommand.Info
            : Flag(HostOption.Tree) ? HostCommand.Tree
            : Flag(HostOption.Description) ? HostCommand.Description
            : HostCommand.Run;
    }
}
