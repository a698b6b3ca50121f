namespace Build.Tests.Tools.Support;

/// <summary>What a fake process exits with and prints.</summary>
public sealed record ProcessReply(int ExitCode = 0, IReadOnlyList<string>? Output = null, IReadOnlyList<string>? Error = null);
