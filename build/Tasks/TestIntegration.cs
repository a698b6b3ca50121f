using Build.Containers;
using Build.Tools.Docker;
using Build.Tools.DockerCompose;
using Build.Tools.Pytest;

namespace Build.Tasks;

[TaskName("Test-Integration")]
public sealed class TestIntegration : FrostingTask<BuildContext>
{
    private ComposeStack? _stack;

    public override void Run(BuildContext context)
    {
        var settings = ContainerSettings.From(context);
        settings.ThrowIfInvalid("Test-Integration", settings.StackProblems(needsBrowser: false));
        // With a token the tests also check that the API refuses requests without it, as in production.
        var token = Environment.GetEnvironmentVariable(ComposeStack.ApiTokenVariable) is { Length: > 0 } given
            ? given
            : Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var stack = ComposeStack.For(context, settings, "it", token);
        var pytest = PytestSettings(context, stack, token);
        ToolPreflight.Ensure(context,
            DockerRunner.EngineRequirement(ContainerSettings.EngineHint, context.DryRun),
            DockerComposeRunner.Spec.Requirement(),
            PytestRunner.Spec.Requirement(new PytestSettings { PythonPath = context.Python }));
        LocalImages.EnsurePresent(context, settings, LocalImages.ShaTags(settings));
        ReportFolder.Reset(context, context.ArtifactDirectory(SovdPipeline.IntegrationReports));

        _stack = stack;
        stack.Start(settings.StackTimeout);
        var result = context.Pytest(pytest);
        if (!result.Succeeded)
        {
            throw new CakeException($"Integration tests failed (pytest exit code {result.ExitCode}); JUnit report: {pytest.JUnitXml!.FullPath}");
        }
    }

    public override void Finally(BuildContext context)
    {
        _stack?.Stop();
        _stack = null;
    }

    private static PytestSettings PytestSettings(BuildContext context, ComposeStack stack, string token)
    {
        var variables = new Dictionary<string, string> { ["API_BASE_URL"] = stack.BackendUrl, ["API_TOKEN"] = token };
        return new PytestSettings
        {
            PythonPath = context.Python,
            WorkingDirectory = context.AppRoot.Combine("backend"),
            TestPaths = ["tests/integration"],
            JUnitXml = context.ArtifactDirectory(SovdPipeline.IntegrationReports).CombineWithFilePath("junit.xml"),
            DisableCacheProvider = true,
            EnvironmentVariables = variables,
        };
    }
}
