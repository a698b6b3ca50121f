namespace Pipeline.Definition.Workflows;

/// <summary>
/// The Codecov CLI, run with pipx (preinstalled on GitHub's Ubuntu runners) instead of codecov/codecov-action:
/// that action's newest release, v5.5.2 (its tag, 2025-12-10, also its default branch on 2026-12-01), is composite
/// and runs actions/github-script v7.0.1, a Node 20 action, in a step without a condition — on every upload.
/// The CLI is the program the action itself downloads; its version is pinned exactly and Renovate bumps it (pypi).
/// </summary>
public static class CoverageUploader
{
    public const string Package = "codecov-cli";

    /// <summary>Tag v11.3.1 of github.com/codecov/codecov-cli (pyproject version 11.3.1), read 2026-12-01.</summary>
    public const string Version = "11.3.1";

    /// <summary>The repository secret holding Codecov's upload token; the CLI reads it from this variable.</summary>
    public const string TokenSecret = "CODECOV_TOKEN";
}
