using System.Runtime.CompilerServices;

// The tests drive the host's internal test hooks (environment overrides, the interruption entry point).
[assembly: InternalsVisibleTo("Build.Tests")]
