namespace Build.Tasks;

[TaskName(TargetNames.TestE2E)]
public sealed class TestE2E : StackStage
{
    public override void Run(BuildContext context)
    {
        var settings = ContainerSettings.From(context);
        var e2e = context.AppRoot.Combine("e2e");
        settings.ThrowIfInvalid(SovdPipeline.TestE2E.Name,
            settings.StackProblems(e2e.CombineWithFilePath("package.json")).Concat(
            context.HostTools.BrowserProblems()));
        EnsureTools(context, [.. NodeModules.Requirements, NpxSettings.Spec.Requirement()]);
        // Installed before the stack starts: the stack should not run longer than the tests need it.
        NodeModules.EnsureInstalled(context, e2e);

        var output = context.ArtifactDirectory(SovdPipeline.EndToEndFailures);
        var stack = ComposeStack.For(context, settings, "e2e");
        Start(context, settings, stack, output);
        var result = context.Npx(PlaywrightSettings(context.HostTools.BrowserExecutable, e2e, output, stack));
        if (!result.Succeeded)
        {
            throw new CakeException(
                $"End-to-end tests failed (playwright exit code {result.ExitCode}). {Evidence(output)}");
        }
    }

    private static NpxSettings PlaywrightSettings(FilePath? chromium, DirectoryPath e2e, DirectoryPath output,
        ComposeStack stack)
    {
        // The sample's playwright.config.ts reads these: where the UI is, where screenshots/traces and the JUnit file
        // go.
        var variables = new Dictionary<string, string>
        {
            ["E2E_BASE_URL"] = stack.FrontendUrl,
            ["E2E_OUTPUT_DIR"] = output.Combine("test-results").FullPath,
            ["E2E_JUNIT_FILE"] = output.CombineWithFilePath("junit.xml").FullPath,
        };
        if (chromium is not null)
        {
            variables[EnvVars.PlaywrightChromium] = chromium.FullPath;
        }
        return new NpxSettings
        {
            Command = "playwright",
            Arguments = ["test"],
            WorkingDirectory = e2e,
            EnvironmentVariables = variables,
            ThrowOnNonZeroExit = false,
        };
    }

    private static string Evidence(DirectoryPath output)
    {
        var folder = output.FullPath;
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
        var screenshots = files.Count(file => file.EndsWith(".png", StringComparison.Ordinal));
        var traces = files.Count(file => file.EndsWith("trace.zip", StringComparison.Ordinal));
        return $"{screenshots} screenshot(s) and {traces} trace(s) in {folder} (the CI job uploads them as " +
            $"'{SovdPipeline.EndToEndFailures.Name}').";
    }
}
