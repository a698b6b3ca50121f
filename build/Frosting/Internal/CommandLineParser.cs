namespace Build.Frosting.Internal;

/// <summary>What one invocation does; when several are asked for, the earliest in this list wins.</summary>
internal enum HostCommand
{
    Help,
    Version,
    Info,
    Tree,
    Description,
    Run,
}

internal sealed record ParsedCommandLine(
    HostCommand Command,
    IReadOnlyList<string> Targets,
    bool TargetsGiven,
    bool Exclusive,
    bool DryRun,
    Verbosity Verbosity,
    string? WorkingDirectory,
    ILookup<string, string> Arguments,
    IReadOnlyList<string> Errors);

/// <summary>
/// Cake's command line: its options (names and aliases as in Cake.Frosting's DefaultCommandSettings) plus
/// <c>--name=value</c>, <c>--name value</c> and bare <c>--flag</c> (= "true") Cake arguments. A value that starts
/// with '-' needs the <c>--name=value</c> form.
/// </summary>
internal static class CommandLineParser
{
    public const string DefaultTarget = "Default";

    private static readonly (string Name, bool TakesValue, string[] Aliases)[] Options =
    [
        ("target", true, ["t"]),
        ("exclusive", false, ["e"]),
        ("dryrun", false, ["noop", "whatif"]),
        ("tree", false, ["showtree"]),
        ("description", false, ["showdescription"]),
        ("verbosity", true, ["v"]),
        ("working", true, ["w"]),
        ("help", false, ["h"]),
        ("version", false, []),
        ("info", false, []),
    ];

    public static ParsedCommandLine Parse(IEnumerable<string> args)
    {
        var tokens = args.ToList();
        var arguments = new List<(string Name, string Value)>();
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        var verbosity = Verbosity.Normal;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var longForm = token.StartsWith("--", StringComparison.Ordinal);
            var body = longForm ? token[2..] : token.StartsWith('-') ? token[1..] : null;
            if (string.IsNullOrEmpty(body) || body.StartsWith('='))
            {
                errors.Add(body is null
                    ? $"Unexpected argument '{token}'. Options start with --; choose a task with --target <task>."
                    : $"Unexpected argument '{token}'. Options look like --name or --name=value.");
                continue;
            }

            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? body : body[..equals];
            var value = equals < 0 ? null : body[(equals + 1)..];
            var option = Options.FirstOrDefault(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                || o.Aliases.Any(a => a.Equals(name, StringComparison.OrdinalIgnoreCase)));
            if (option.Name is null && !longForm)
            {
                errors.Add($"Unknown option '{token}'. Run with --help to see the options.");
                continue;
            }

            if (option.Name is null || option.TakesValue)
            {
                value ??= i + 1 < tokens.Count && !tokens[i + 1].StartsWith('-') ? tokens[++i] : null;
            }

            if (option.Name is null)
            {
                arguments.Add((name, value ?? "true"));
            }
            else if (!option.TakesValue)
            {
                var on = true;
                if (value is not null && !bool.TryParse(value, out on))
                {
                    errors.Add($"Invalid value '{value}' for --{option.Name}. Use --{option.Name} or --{option.Name}=true|false.");
                }
                else if (on)
                {
                    flags.Add(option.Name);
                }
                else
                {
                    flags.Remove(option.Name);
                }
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"Missing value for --{option.Name}. Use --{option.Name} <value>.");
            }
            else if (option.Name == "verbosity" && !VerbosityParser.TryParse(value, out verbosity))
            {
                errors.Add($"Invalid value '{value}' for --verbosity. Valid values: quiet, minimal, normal, verbose, diagnostic.");
            }
            else
            {
                arguments.Add((option.Name, value));
            }
        }

        arguments.AddRange(new[] { "exclusive", "dryrun" }.Where(flags.Contains).Select(flag => (flag, "true")));
        var targets = arguments.Where(a => a.Name == "target").Select(a => a.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var command = new[] { "help", "version", "info", "tree", "description" }.FirstOrDefault(flags.Contains);
        return new ParsedCommandLine(
            command is null ? HostCommand.Run : Enum.Parse<HostCommand>(command, ignoreCase: true),
            targets.Count > 0 ? targets : [DefaultTarget],
            targets.Count > 0,
            flags.Contains("exclusive"),
            flags.Contains("dryrun"),
            verbosity,
            arguments.LastOrDefault(a => a.Name == "working").Value,
            arguments.ToLookup(a => a.Name, a => a.Value, StringComparer.OrdinalIgnoreCase),
            errors);
    }
}
