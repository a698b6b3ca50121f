using Cake.Core;

namespace Build.Tools;

/// <summary>Checks a stage's tools before it does anything, so a missing tool fails the stage before any side effect.</summary>
public static class ToolPreflight
{
    /// <exception cref="MissingToolsException">One or more tools are missing; the message lists each with its install hint.</exception>
    public static void Ensure(ICakeContext context, params ToolRequirement[] requirements)
    {
        ArgumentNullException.ThrowIfNull(context);
        var missing = requirements.Where(requirement => !requirement.IsAvailable(context)).ToList();
        if (missing.Count > 0)
        {
            throw new MissingToolsException(missing);
        }
    }
}
