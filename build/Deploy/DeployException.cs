namespace Build.Deploy;

/// <summary>A deploy stage stopped: the message says what failed, what was rolled back, and what to do next.</summary>
public sealed class DeployException(string message, Exception? inner = null) : Exception(message, inner);
