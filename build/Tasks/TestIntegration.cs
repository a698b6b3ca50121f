namespace Build.Tasks;

[TaskName(TargetNames.TestIntegration)]
public sealed class TestIntegration : StackStage
{
    public override void Run(BuildContext context)
    {
        var settings = ContainerSettings.From(context);
        settings.ThrowIfInvalid(SovdPipeline.TestIntegration.Name, settings.StackProblems());
        // With a token the tests also check that the API refuses requests without it, as in production.
        var token = context.Variable(EnvVars.SovdApiToken)
            ?? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var stack = ComposeStack.For(context, settings, "it", token);
        var reports = context.ArtifactDirectory(SovdPipeline.IntegrationReports);
        var pytest = new PytestSettings
        {
            PythonPath = context.HostTools.PythonPath,
            WorkingDirectory = context.AppRoot.Combine("backend"),
            TestPaths = ["tests/integration"],
            JUnitXml = reports.CombineWithFilePath("junit.xml"),
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["API_BASE_URL"] = stack.BackendUrl,
                ["API_TOKEN"] = token,
            },
        };
        EnsureTools(context, PytestSettings.Spec.Requirement(pytest));

        Start(context, settings, stack, reports);
        var result = context.Pytest(pytest);
        if (!result.Succeeded)
        {
            throw new CakeException(
                $"Integration tests failed (pytest exit code {result.ExitCode}); JUnit report: " +
                $"{pytest.JUnitXml!.FullPath}");
        }
    }
}
