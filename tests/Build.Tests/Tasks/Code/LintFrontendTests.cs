using Build.Tests.Support;
using Build.Tests.Tasks.Code.Support;

namespace Build.Tests.Tasks.Code;

/// <summary>Lint-Frontend with the frontend's real eslint and prettier (its node_modules).</summary>
[Trait("Requires", "node")]
public sealed class LintFrontendTests
{
    [Fact]
    public async Task LintFrontend_ShippedSample_PassesWithoutReinstalling()
    {
        var result = await CodeStage.RunAsync("Lint-Frontend");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("node_modules is up to date with package-lock.json: no npm ci")
            .And.Contain("eslint: no findings").And.Contain("prettier: no findings")
            .And.Contain("All matched files use Prettier code style!");
    }

    [Fact]
    public async Task LintFrontend_PlantedLintError_FailsNamingEslintAndShowsTheFinding()
    {
        using var app = AppCopy.Of("frontend")
            .Write("frontend/src/api/planted.ts", "export const identity = (value: any) => value;\n");

        var result = await CodeStage.RunAsync("Lint-Frontend", app.Root);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("planted.ts").And.Contain("@typescript-eslint/no-explicit-any")
            .And.Contain("prettier: no findings")
            .And.Contain("Lint-Frontend failed: 1 of 2 linters found problems: eslint (findings above)");
    }

    [Fact]
    public async Task LintFrontend_PlantedFormattingError_FailsNamingPrettierAndTheFile()
    {
        using var app = AppCopy.Of("frontend")
            .Write("frontend/src/api/planted.ts", "export const   spaced =  \"double quotes\";\n");

        var result = await CodeStage.RunAsync("Lint-Frontend", app.Root);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("[warn] src/api/planted.ts")
            .And.Contain("eslint: no findings")
            .And.Contain("Lint-Frontend failed: 1 of 2 linters found problems: prettier (findings above)");
    }

    [Fact]
    public async Task LintFrontend_DryRun_RunsNpmCiOnlyWhenNodeModulesIsMissingOrOlderThanTheLockFile()
    {
        using var app = AppCopy.Of("frontend");
        var frontend = app.PathOf("frontend");
        var npmCi = $"npm ci --no-audit --no-fund --prefer-offline (in {frontend})";

        var current = await CodeStage.RunAsync("Lint-Frontend", app.Root, ["--dryrun"]);
        File.SetLastWriteTimeUtc(app.PathOf("frontend/package-lock.json"), DateTime.UtcNow.AddMinutes(1));
        var stale = await CodeStage.RunAsync("Lint-Frontend", app.Root, ["--dryrun"]);
        File.Delete(app.PathOf("frontend/node_modules"));
        var missing = await CodeStage.RunAsync("Lint-Frontend", app.Root, ["--dryrun"]);

        current.Output.Should().Contain("no npm ci").And.NotContain(npmCi)
            .And.Contain($"npm run lint (in {frontend})").And.Contain($"npm run format:check (in {frontend})");
        stale.Output.Should().Contain("npm ci: node_modules is older than package-lock.json").And.Contain(npmCi);
        missing.Output.Should().Contain("npm ci: node_modules is missing").And.Contain(npmCi);
        new[] { current, stale, missing }.Should().OnlyContain(result => result.ExitCode == 0);
    }

    [Fact]
    public async Task LintFrontend_DryRun_EmptiedNodeModulesWithoutNpmsRecord_RunsNpmCi()
    {
        using var app = AppCopy.Of("frontend");
        File.Delete(app.PathOf("frontend/node_modules"));
        Directory.CreateDirectory(app.PathOf("frontend/node_modules"));

        var emptied = await CodeStage.RunAsync("Lint-Frontend", app.Root, ["--dryrun"]);

        emptied.Output.Should().Contain("npm ci: node_modules has no node_modules/.package-lock.json (an incomplete install)")
            .And.Contain($"npm ci --no-audit --no-fund --prefer-offline (in {app.PathOf("frontend")})");
        emptied.ExitCode.Should().Be(0);
    }
}
