namespace Build.Settings;

/// <summary>
/// The tools the host finds by itself, so a fresh clone runs without exports: the Python that has the backend's tools,
/// ruff, and the browser for Playwright. A setting or variable always wins; otherwise candidates are tried in order and
/// the first that has what the stages need is taken. Each is looked for once, and only when a stage asks.
/// </summary>
public sealed partial class HostTools(BuildContext context)
{
    /// <summary>Modules that tell an interpreter with the backend's tools from one without.</summary>
    private static readonly string[] BackendModules = ["black", "mypy", "pytest"];

    private static readonly string[] SystemBrowsers = ["chromium", "chromium-browser"];

    // Searched on first use; tasks run one at a time, so no lock is needed.
    private (ToolChoice Choice, FilePath Path)? _python;
    private (ToolChoice Choice, IDictionary<string, string> Variables)? _ruff;
    private (ToolChoice Choice, FilePath? Executable)? _browser;

    public ToolChoice Python => (_python ??= FindPython()).Choice;

    /// <summary>The interpreter the stages run; if none has the tools, the first (its error names it).</summary>
    public FilePath PythonPath => (_python ??= FindPython()).Path;

    public ToolChoice Ruff => (_ruff ??= FindRuff()).Choice;

    /// <summary>Variables for the ruff call alone: PYTHONPATH with the WebAssembly build when that's picked.</summary>
    public IDictionary<string, string> RuffVariables => (_ruff ??= FindRuff()).Variables;

    public ToolChoice Browser => (_browser ??= FindBrowser()).Choice;

    /// <summary>The Chromium to hand Playwright; null when Playwright's own browser (or none) is the pick.</summary>
    public FilePath? BrowserExecutable => (_browser ??= FindBrowser()).Executable;

    /// <summary>Why Test-E2E would have no browser, each with what to do.</summary>
    public IEnumerable<string> BrowserProblems()
    {
        if (BrowserExecutable is { } chromium && !File.Exists(chromium.FullPath))
        {
            yield return $"The browser {chromium.FullPath} (--{ArgumentNames.Chromium} / " +
                $"{EnvVars.PlaywrightChromium}) does not exist: install chromium or unset it to use " +
                $"Playwright's own browser.";
        }
        if (Browser is { Found: false } browser)
        {
            yield return $"No browser for Playwright ({browser.TriedText}): install chromium (apt-get install " +
                $"chromium), run 'npx playwright install chromium' in e2e/, or pass --{ArgumentNames.Chromium}=<path>.";
        }
    }

    /// <summary>
    /// Says once, before the first task, which Python, ruff and browser this run uses (one line each), and only for the
    /// tools its stages need: a run of Check-Workflow looks for none of them.
    /// </summary>
    public void Report(ISetupContext info)
    {
        var tasks = info.TasksToExecute.Select(task => task.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (context.HasArgument("exclusive"))
        {
            // Cake lists the whole dependency chain here even for --exclusive, which runs the targets alone (a CI job).
            tasks.IntersectWith(context.Arguments.GetArguments("target"));
        }
        var stages = SovdPipeline.Definition.Stages.Where(stage => tasks.Contains(stage.Name)).ToList();
        ToolChoice?[] needed =
        [
            // An interpreter alone (Test-Pipeline's, for the tests' sake) runs none of the backend's tools: nothing to
            // look for.
            stages.SelectMany(stage => stage.Toolchains)
                .Any(toolchain => toolchain is PythonToolchain { RequirementFiles.IsEmpty: false }) ? Python : null,
            stages.Contains(SovdPipeline.LintBackend) ? Ruff : null,
            stages.Any(stage => stage.Toolchains.Any(toolchain => toolchain is PlaywrightToolchain)) ? Browser : null,
        ];
        foreach (var choice in needed.OfType<ToolChoice>())
        {
            if (choice.Found)
            {
                context.Information("{0}", choice.Line);
            }
            else
            {
                // Not fatal here: the stage that needs the tool fails in its preflight, before any side effect.
                context.Warning("{0}", choice.Line);
            }
        }
    }

    private (ToolChoice, FilePath) FindPython()
    {
        if (Configured(ArgumentNames.Python, EnvVars.Python) is { } configured)
        {
            var path = ResolveExecutable(configured.Given);
            return (new ToolChoice("python", path.FullPath, configured.Source, []), path);
        }

        var candidates = new List<(string Name, FilePath? Path)>
        {
            ("python3 on PATH", context.Tools.Resolve("python3")), ("the system interpreter", "/usr/bin/python3"),
        };
        var tried = new List<string>();
        FilePath? first = null;
        foreach (var (name, path) in candidates)
        {
            if (path is null || !File.Exists(path.FullPath))
            {
                tried.Add(path is null ? $"{name}: not found" : $"{name} {path.FullPath}: not found");
                continue;
            }
            if (first is not null && SameFile(first, path))
            {
                continue;
            }
            first ??= path;
            var missing = PythonImports.Missing(context.ProcessRunner, path, BackendModules);
            if (missing is not [])
            {
                tried.Add(
                    missing is null ? $"{name} {path.FullPath}: does not run"
                    : $"{name} {path.FullPath}: lacks {string.Join(", ", missing)}");
                continue;
            }
            // Tools alone are not enough: another Python or pydantic gives another verdict than the CI job's (issue
            // #23).
            var differences = PythonParity.Of(context, path);
            if (differences is [])
            {
                return (new ToolChoice("python", path.FullPath,
                    $"{name}, has {string.Join(", ", BackendModules)} at CI's versions", tried), path);
            }
            tried.Add($"{name} {path.FullPath}: differs from the CI job ({PythonParity.Brief(differences)})");
        }
        return ToolchainImage(tried) ?? (ToolChoice.None("python", tried), first ?? new FilePath("python3"));
    }

    private (ToolChoice, IDictionary<string, string>) FindRuff()
    {
        var python = PythonPath;
        var none = new Dictionary<string, string>();
        var installed = File.Exists(python.FullPath) ? PythonImports.Missing(context.ProcessRunner, python, ["ruff"])
            : null;
        if (installed is [])
        {
            return (new ToolChoice("ruff", $"{python.FullPath} -m ruff", "installed", []), none);
        }
        var tried = new List<string> { $"the ruff module of {python.FullPath}: not installed" };

        if (context.Argument(ArgumentNames.RuffWasm, "tools/ruff-wasm").NullIfBlank() is not { } folder)
        {
            tried.Add($"the WebAssembly build: turned off by --{ArgumentNames.RuffWasm}=");
            return (ToolChoice.None("ruff", tried), none);
        }
        var wasm = new DirectoryPath(folder).MakeAbsolute(context.RepoRoot);
        var module = wasm.Combine("python");
        if (WasmProblem(wasm, module) is { } problem)
        {
            tried.Add($"the WebAssembly build in {wasm.FullPath}: {problem}");
            return (ToolChoice.None("ruff", tried), none);
        }
        // Only the ruff call gets it, in front of the caller's own path: black and mypy keep their interpreter's
        // modules.
        var inherited = context.Variable(EnvVars.PythonPath);
        var variables = new Dictionary<string, string>
        {
            [EnvVars.PythonPath] = inherited is null ? module.FullPath
                : $"{module.FullPath}{Path.PathSeparator}{inherited}",
        };
        return (new ToolChoice("ruff", $"the WebAssembly build in {wasm.FullPath}",
            $"{EnvVars.PythonPath}={module.FullPath} for the ruff call", tried), variables);
    }

    private string? WasmProblem(DirectoryPath wasm, DirectoryPath module)
    {
        if (!File.Exists(module.CombineWithFilePath("ruff/__main__.py").FullPath))
        {
            return $"no {module.FullPath}/ruff/__main__.py";
        }
        if (!Directory.Exists(wasm.Combine("node_modules/@astral-sh/ruff-wasm-nodejs").FullPath))
        {
            return "its npm packages are not installed (scripts/setup-machine.sh, or npm ci in that folder)";
        }
        return context.Tools.Resolve("node") is null ? "node is not on PATH" : null;
    }

    private (ToolChoice, FilePath?) FindBrowser()
    {
        if (Configured(ArgumentNames.Chromium, EnvVars.PlaywrightChromium) is { } configured)
        {
            return (new ToolChoice("browser", configured.Given, configured.Source, []), new FilePath(configured.Given));
        }

        var tried = new List<string>();
        var browsers = PlaywrightBrowsersFolder();
        if (browsers is not null && Directory.Exists(browsers)
            && Directory.EnumerateDirectories(browsers, "chromium*").Any())
        {
            return (new ToolChoice("browser", "Playwright's own Chromium", $"installed in {browsers}", tried), null);
        }
        tried.Add($"Playwright's own in {browsers ?? "(no cache folder)"}: not installed");

        foreach (var name in SystemBrowsers)
        {
            if (context.Tools.Resolve(name) is { } system)
            {
                return (new ToolChoice("browser", system.FullPath, $"system {name} on PATH", tried), system);
            }
        }
        tried.Add($"{string.Join(", ", SystemBrowsers)} on PATH: not found");
        return (ToolChoice.None("browser", tried), null);
    }

    /// <summary>The argument, else the variable, with the name of the one that was set.</summary>
    private (string Given, string Source)? Configured(string argument, string variable) =>
        context.ArgumentOrNull(argument) is { } given ? (given, $"--{argument}")
        : context.Variable(variable) is { } value ? (value, variable)
        : null;

    /// <summary>Where <c>npx playwright install</c> puts browsers (the default per OS, or its variable).</summary>
    private string? PlaywrightBrowsersFolder()
    {
        if (context.Variable(EnvVars.PlaywrightBrowsers) is { } given && given != "0")
        {
            return given;
        }
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData),
                "ms-playwright");
        }
        if (context.Environment.GetEnvironmentVariable(EnvVars.Home) is not { Length: > 0 } home)
        {
            return null;
        }
        return OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Caches", "ms-playwright")
            : Path.Combine(home, ".cache", "ms-playwright");
    }

    // A bare name ("python3") is looked up on PATH; Cake would otherwise take it relative to the working directory.
    private FilePath ResolveExecutable(string value)
    {
        var path = new FilePath(value);
        return path.IsRelative && path.Segments.Length == 1 ? context.Tools.Resolve(value) ?? path
            : path.MakeAbsolute(context.Environment);
    }

    private static bool SameFile(FilePath a, FilePath b)
    {
        static string Real(FilePath path) =>
            new FileInfo(path.FullPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path.FullPath;
        return Real(a) == Real(b);
    }
}
