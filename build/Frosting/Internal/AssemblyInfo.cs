using System.Runtime.CompilerServices;

// The tests check internal parts on their own: the command line, the task graph, the colour policy, the interruption.
[assembly: InternalsVisibleTo("Build.Tests")]
