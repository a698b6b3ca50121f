namespace Build.Tools;

/// <summary>What the pipeline knows about a tool before running it: its name, the executables to look for, how to install it.</summary>
public sealed record ToolSpec<TSettings>(string Name, string InstallHint, string[] Executables, Func<ICakeContext, CheckedTool<TSettings>> Runner)
    where TSettings : CheckedToolSettings, new()
{
    /// <summary>
    /// The preflight entry for a call with <paramref name="settings"/> (its interpreter, its modules); a stage that knows
    /// better words for the install hint replaces them with <c>with { InstallHint = … }</c>.
    /// </summary>
    public ToolRequirement Requirement(TSettings? settings = null) =>
        new(Name, InstallHint, context => Runner(context).IsAvailable(settings ?? new TSettings()));
}

/// <summary>A tool a stage needs, how to tell it is present (without side effects), and how to install it.</summary>
public sealed record ToolRequirement(string Name, string InstallHint, Func<ICakeContext, bool> IsAvailable);
