namespace Build.Frosting.Internal;

internal static class ErrorWriter
{
    public const int Failure = 1;

    /// <summary>Prints "Error: " + each line to stderr and returns exit code 1.</summary>
    public static int Fail(IConsole console, IEnumerable<string> lines)
    {
        console.ForegroundColor = ConsoleColor.Red;
        foreach (var line in lines)
        {
            console.WriteErrorLine("Error: " + line);
        }

        console.ResetColor();
        return Failure;
    }

    public static int Fail(IConsole console, string line) => Fail(console, [line]);

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
}
