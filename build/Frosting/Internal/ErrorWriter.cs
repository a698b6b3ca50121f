using Cake.Core;

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
}
