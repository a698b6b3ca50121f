namespace Build.Security;

/// <summary>Where a security stage finds its triage file: <c>--triage-file</c>, else <c>security/triage.yml</c> in the app root.</summary>
public static class Triage
{
    public const string DefaultFile = "security/triage.yml";

    /// <summary>Loads and checks the triage file before any scan; without one, every finding is new.</summary>
    public static TriageFile Load(BuildContext context)
    {
        var given = context.Argument(ArgumentNames.TriageFile, "");
        var path = given is { Length: > 0 }
            ? System.IO.Path.GetFullPath(given, context.RepoRoot.FullPath)
            : context.AppRoot.CombineWithFilePath(DefaultFile).FullPath;
        if (!File.Exists(path))
        {
            if (given is { Length: > 0 })
            {
                throw new CakeException($"--{ArgumentNames.TriageFile}={given}: no such file ({path}). Create it or leave the argument out.");
            }
            context.Information("{0}", $"Triage: no {path}; every finding counts as new.");
            return TriageFile.None(path);
        }
        var triage = TriageFile.Load(path, DateOnly.FromDateTime(DateTime.UtcNow));
        context.Information("{0}", $"Triage: {triage.Entries.Count} accepted risk(s) in {path}, none expired.");
        return triage;
    }
}
