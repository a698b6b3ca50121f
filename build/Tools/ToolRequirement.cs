namespace Build.Tools;

/// <summary>A tool a stage needs, how to tell it is present (without side effects), and how to install it.</summary>
public sealed record ToolRequirement(string Name, string InstallHint, Func<ICakeContext, bool> IsAvailable);
