using Build.Frosting.Additions;
using Build.Frosting;

namespace Build.Tests.Frosting.Support;

/// <summary>A graph provider with a bug.</summary>
public sealed class ThrowingGraph : ITaskGraphProvider
{
    public IReadOnlyList<string> DependenciesOf(string taskName) => [];

    public IReadOnlyList<string> Validate(IReadOnlyCollection<string> taskNames) =>
        throw new InvalidOperationException("Sequence contains no elements");
}
