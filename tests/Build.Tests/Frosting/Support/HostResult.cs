namespace Build.Tests.Frosting.Support;

public sealed record HostResult(int ExitCode, string Output, string Errors, Probe Probe);
