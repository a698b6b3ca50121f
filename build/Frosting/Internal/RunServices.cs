using Spectre.Console;


namespace Build.Frosting.Internal;

/// <summary>The per-run objects that exist before the DI container and go into it as instances.</summary>
internal sealed record RunServices(
    CakeHostOptions Options,
    HostInterruption Interruption,
    IConsole Console,
    IAnsiConsole AnsiConsole,
    ICakeLog Log,
    ICakeEnvironment Environment,
    ICakeArguments Arguments,
    CakeDataService Data);
