namespace Build.Rehearsal;

/// <summary>
/// Where one job runs: its checkout, a short scratch folder (engine sockets must stay under the 108-character limit
/// of a Unix socket path) and its log.
/// </summary>
public sealed record JobWorkspace(string JobId, int Index, string Checkout, string Scratch, string LogPath);
