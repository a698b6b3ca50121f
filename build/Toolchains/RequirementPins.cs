namespace Build.Toolchains;

/// <summary>
/// The exact pins (<c>name==version</c>) of a pip requirements file and the files it includes with <c>-r</c>: what a CI
/// job's <c>pip install -r</c> installs. Names are normalised as pip does (PEP 503: lower case, runs of -_. as -).
/// </summary>
public static partial class RequirementPins
{
    public static IReadOnlyDictionary<string, string> Read(string file)
    {
        var pins = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Collect(Path.GetFullPath(file), pins, []);
        return pins;
    }

    public static string Normalize(string name) => Separators().Replace(name.Trim().ToLowerInvariant(), "-");

    private static void Collect(string file, SortedDictionary<string, string> pins, HashSet<string> seen)
    {
        if (!seen.Add(file))
        {
            return;
        }
        if (!File.Exists(file))
        {
            throw new CakeException(
                $"Requirements file {file} does not exist: it is named by a -r line or by the toolchain; restore it " +
                $"or fix the reference.");
        }
        foreach (var raw in File.ReadLines(file))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.StartsWith("-r ", StringComparison.Ordinal))
            {
                Collect(Path.Combine(Path.GetDirectoryName(file)!, line[3..].Trim()), pins, seen);
            }
            else if (Pin().Match(line) is { Success: true } pin)
            {
                pins[Normalize(pin.Groups["name"].Value)] = pin.Groups["version"].Value;
            }
        }
    }

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*(?<version>[^\s;]+)")]
    private static partial Regex Pin();
}
