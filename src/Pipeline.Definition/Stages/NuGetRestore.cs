namespace Pipeline.Definition.Stages;

/// <summary>Which packages a job's NuGet cache holds; each kind has its own cache key, since the contents differ.</summary>
public enum NuGetRestore
{
    /// <summary>Only the build host's packages (restored when the cached host misses).</summary>
    Host,

    /// <summary>Every project of the solution, tests included (what <c>dotnet test</c> restores).</summary>
    Solution,
}
