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

/// <summary>The parsed command line; its options are Cake arguments too: <see cref="Arguments"/> has all.</summary>
internal sealed record ParsedCommandLine(HostCommand Command, Verbosity Verbosity, ILookup<string, string> Arguments,
    IReadOnlyList<string> Errors)
{
    public bool TargetsGiven => Arguments.Contains("target");

    public IReadOnlyList<string> Targets =>
        TargetsGiven ? [.. Arguments["target"].Distinct(StringComparer.OrdinalIgnoreCase)]
            : [CommandLine.DefaultTarget];

    public bool Exclusive => Arguments.Contains("exclusive");

    public bool DryRun => Arguments.Contains("dryrun");

    public string? WorkingDirectory => Arguments["working"].LastOrDefault();
}

/// <summary>
/// Cake's command line: its options (names and aliases as in Cake.Frosting's DefaultCommandSettings) plus
/// <c>--name=value</c>, <c>--name value</c> and bare <c>--flag</c> (= "true") Cake arguments. A value that starts
/// with '-' needs the <c>--name=value</c> form. One table drives both the parser and <c>--help</c>.
/// </summary>
internal static class CommandLine
{
    public const string DefaultTarget = "Default";

    private const int Failure = 1;

    private const int HelpColumn = 31;

    private static readonly Option[] Options =
    [
        new("target", "<task>", ["t"], "Task to run; repeat for several (default: Default)"),
        new("exclusive", null, ["e"], "Run only the target(s), not their dependencies"),
        new("dryrun", null, ["noop", "whatif"], "Run tasks, but print commands instead of starting processes"),
        new("tree", null, ["showtree"], "Show the dependency tree of the target(s), or of every task"),
        new("description", null, ["descriptions", "showdescription", "showdescriptions"],
            "List the tasks with their descriptions"),
        new("verbosity", "<level>", ["v"], "quiet, minimal, normal, verbose, diagnostic (or q, m, n, v, d)"),
        new("working", "<dir>", ["w"], "Working directory"),
        new("help", null, ["h"], "Show this help"),
        new("version", null, ["ver"], "Show the version"),
        new("info", null, [], "Show the version of the host, Cake and .NET"),
    ];

    public static ParsedCommandLine Parse(IEnumerable<string> args)
    {
        var tokens = args.ToList();
        var state = new ParseState();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var longForm = token.StartsWith("--", StringComparison.Ordinal);
            var body = longForm ? token[2..] : token.StartsWith('-') ? token[1..] : null;
            if (string.IsNullOrEmpty(body) || body.StartsWith('='))
            {
                state.Errors.Add(body is null
                    ? $"Unexpected argument '{token}'. Options start with --; choose a task with --target <task>."
                    : $"Unexpected argument '{token}'. Options look like --name or --name=value.");
                continue;
            }

            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? body : body[..equals];
            var value = equals < 0 ? null : body[(equals + 1)..];
            var option = Options.FirstOrDefault(o => o.Names.Contains(name, StringComparer.OrdinalIgnoreCase));
            if (option is null && !longForm)
            {
                state.Errors.Add($"Unknown option '{token}'. Run with --help to see the options.");
                continue;
            }

            if (option is null || option.TakesValue)
            {
                value ??= i + 1 < tokens.Count && !tokens[i + 1].StartsWith('-') ? tokens[++i] : null;
            }

            if (option is null)
            {
                state.Arguments.Add((name, value ?? "true"));
            }
            else
            {
                state.Apply(option, value);
            }
        }

        return state.Result();
    }

    /// <summary>--help, --version and --info; false for the commands that need the tasks.</summary>
    public static bool TryWriteInformation(HostCommand command, IConsole console)
    {
        var version = VersionOf(Assembly.GetEntryAssembly() ?? typeof(CakeHost).Assembly);
        switch (command)
        {
            case HostCommand.Help:
                WriteHelp(console);
                return true;
            case HostCommand.Version:
                console.WriteLine(version);
                return true;
            case HostCommand.Info:
                console.WriteLine($"Build host: {version}");
                console.WriteLine($"Cake.Core:  {VersionOf(typeof(ICakeContext).Assembly)}");
                console.WriteLine($".NET:       {Environment.Version}");
                return true;
            default:
                return false;
        }
    }

    /// <summary>Prints "Error: " + each line to stderr and returns exit code 1.</summary>
    public static int Fail(IConsole console, params IEnumerable<string> lines)
    {
        console.ForegroundColor = ConsoleColor.Red;
        foreach (var line in lines)
        {
            console.WriteErrorLine("Error: " + line);
        }

        console.ResetColor();
        return Failure;
    }

    public static int Unexpected(IConsole console, Exception exception, Verbosity verbosity)
    {
        if (verbosity == Verbosity.Diagnostic)
        {
            return Fail(console, exception.ToString());
        }

        Fail(console, $"{exception.Message} ({exception.GetType().Name})");
        console.WriteErrorLine("Run with --verbosity=diagnostic to see where it happened.");
        return Failure;
    }

    private static void WriteHelp(IConsole console)
    {
        console.WriteLine("Usage: build [options] [--<argument>=<value> ...]");
        console.WriteLine(string.Empty);
        console.WriteLine("Options:");
        foreach (var option in Options)
        {
            var shortName = option.Aliases.FirstOrDefault(a => a.Length == 1);
            var longNames = option.Names.Where(n => n.Length > 1).Select(n => "--" + n);
            var value = option.TakesValue ? " " + option.Value : string.Empty;
            var usage = (shortName is null ? "      " : $"  -{shortName}, ") + string.Join(", ", longNames) + value;
            console.WriteLine(usage.Length + 2 > HelpColumn
                ? usage + "\n" + new string(' ', HelpColumn) + option.Help
                : usage.PadRight(HelpColumn) + option.Help);
        }

        console.WriteLine(string.Empty);
        console.WriteLine(
            "Any other --name=value, --name value or bare --flag (= true) is a Cake argument that tasks read");
        console.WriteLine(
            "with context.Argument<T>(\"name\", default). A value starting with '-' needs the --name=value form.");
    }

    private static string VersionOf(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        return version.Split('+')[0];
    }

    /// <summary>What the parser has read so far.</summary>
    private sealed class ParseState
    {
        private readonly HashSet<string> _flags = new(StringComparer.OrdinalIgnoreCase);

        private Verbosity _verbosity = Verbosity.Normal;

        public List<(string Name, string Value)> Arguments { get; } = [];

        public List<string> Errors { get; } = [];

        /// <summary>One of the host's options: a flag (optionally true/false) or an option with a value.</summary>
        public void Apply(Option option, string? value)
        {
            if (!option.TakesValue)
            {
                ApplyFlag(option, value);
            }
            else if (string.IsNullOrWhiteSpace(value))
            {
                Errors.Add($"Missing value for --{option.Name}. Use --{option.Name} <value>.");
            }
            else if (option.Name == "verbosity" && !VerbosityParser.TryParse(value, out _verbosity))
            {
                Errors.Add($"Invalid value '{value}' for --verbosity. " +
                    "Valid values: quiet, minimal, normal, verbose, diagnostic.");
            }
            else
            {
                Arguments.Add((option.Name, value));
            }
        }

        public ParsedCommandLine Result()
        {
            Arguments.AddRange(new[] { "exclusive", "dryrun" }.Where(_flags.Contains).Select(flag => (flag, "true")));
            var command =
                Enum.GetValues<HostCommand>().FirstOrDefault(c => _flags.Contains(c.ToString()), HostCommand.Run);
            var lookup = Arguments.ToLookup(a => a.Name, a => a.Value, StringComparer.OrdinalIgnoreCase);
            return new ParsedCommandLine(command, _verbosity, lookup, Errors);
        }

        private void ApplyFlag(Option option, string? value)
        {
            var on = true;
            if (value is not null && !bool.TryParse(value, out on))
            {
                Errors.Add(
                    $"Invalid value '{value}' for --{option.Name}. Use --{option.Name} or --{option.Name}=true|false.");
            }
            else if (on)
            {
                _flags.Add(option.Name);
            }
            else
            {
                _flags.Remove(option.Name);
            }
        }
    }

    private sealed record Option(string Name, string? Value, string[] Aliases, string Help)
    {
        public bool TakesValue => Value is not null;

        public IEnumerable<string> Names => [Name, .. Aliases];
    }
}
