using Pipeline.Definition.Stages;
using Pipeline.Definition.Workflows;
using static Pipeline.Definition.Generation.JobSteps;

namespace Pipeline.Definition.Generation;

/// <summary>The setup steps of each toolchain, with dependency caches keyed on lock files unless the job releases.</summary>
public static class ToolchainSteps
{
    public static IEnumerable<Step> For(Toolchain toolchain, string appRoot, bool cache) => toolchain switch
    {
        PythonToolchain python => Python(python, appRoot, cache),
        NodeToolchain node => [Node(node, appRoot, cache)],
        PlaywrightToolchain playwright => Playwright(playwright, appRoot, cache),
        KubernetesToolchain kubernetes => [Kubernetes(kubernetes.Tools)],
        TrivyToolchain trivy => [new ActionStep("Set up Trivy", Actions.SetupTrivy)
        {
            With = Pairs(("version", trivy.Version), ("cache", cache ? "true" : "false")),
        }],
        ScriptToolchain script => [new RunStep($"Install {script.Tool}", script.Command)],
        _ => throw new ArgumentOutOfRangeException(nameof(toolchain), toolchain.Name, "unknown toolchain"),
    };

    // The same script and pins as a developer's machine (DeployTools.File), so CI deploys with the same helm and kubectl.
    private static RunStep Kubernetes(DeployTools tools) => new(
        $"Install helm {tools.Helm} and kubectl {tools.Kubectl}",
        $"bash {DeployTools.InstallScript}\necho \"$PWD/.tools/bin\" >> \"$GITHUB_PATH\"\n");

    private static IEnumerable<Step> Python(PythonToolchain python, string appRoot, bool cache)
    {
        var files = python.RequirementFiles.Select(f => InApp(appRoot, f)).ToArray();
        var with = Pairs(("python-version", python.Version));
        // No requirement files: only the interpreter (a job whose tests run the host's Python detection), no pip cache.
        if (files.Length == 0)
        {
            yield return new ActionStep("Set up Python", Actions.SetupPython) { With = with };
            yield break;
        }
        if (cache)
        {
            with = with.Add("cache", "pip").Add("cache-dependency-path", string.Join('\n', files));
        }

        yield return new ActionStep("Set up Python", Actions.SetupPython) { With = with };
        yield return new RunStep(
            "Install Python requirements",
            "python -m pip install --disable-pip-version-check" + string.Concat(files.Select(f => $" \\\n  -r {f}")) + "\n");
    }

    private static ActionStep Node(NodeToolchain node, string appRoot, bool cache)
    {
        // Only a job that runs npm ci fills npm's cache; one without lock files (npm audit reads the lock file only)
        // neither restores nor saves it. setup-node v5+ would otherwise cache on its own when package.json names npm.
        var with = Pairs(("node-version", node.Version));
        with = cache && node.FillsNpmCache
            ? with.Add("cache", "npm").Add("cache-dependency-path", string.Join('\n', node.LockFiles.Select(f => InApp(appRoot, f))))
            : with.Add("package-manager-cache", "false");

        return new ActionStep("Set up Node.js", Actions.SetupNode) { With = with };
    }

    private static IEnumerable<Step> Playwright(PlaywrightToolchain playwright, string appRoot, bool cache)
    {
        var folder = InApp(appRoot, playwright.ProjectFolder);
        if (cache)
        {
            yield return new ActionStep("Cache Playwright browsers", Actions.Cache)
            {
                With = Pairs(
                    ("path", "~/.cache/ms-playwright"),
                    ("key", $"playwright-${{{{ runner.os }}}}-${{{{ hashFiles('{folder}/package-lock.json') }}}}")),
            };
        }

        yield return new RunStep("Install Playwright and its browser", "npm ci --no-audit --no-fund\nnpx playwright install --with-deps chromium\n")
        {
            WorkingDirectory = folder,
        };
    }

    private static string InApp(string appRoot, string path) => appRoot is "." or "" ? path : $"{appRoot}/{path}";
}
