namespace Build.Rehearsal;

/// <summary>A rehearsal that cannot start or did not pass; the message says what is wrong and what to do.</summary>
public sealed class RehearsalException(string message) : Exception(message);
