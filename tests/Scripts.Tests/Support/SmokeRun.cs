namespace Scripts.Tests.Support;

/// <summary>The outcome of one run of scripts/smoke_tests.sh.</summary>
public sealed record SmokeRun(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public string AllOutput => Stdout + Stderr;

    /// <summary>The result line of one check ("PASS  readiness  200 ..."); fails the test when it is not exactly one line.</summary>
    public string Line(string check)
    {
        var lines = Stdout.Split('\n')
            .Where(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var name, ..] && name == check)
            .ToList();
        lines.Should().ContainSingle("the script prints one line per check ({0}), it printed:{1}{2}", check, Environment.NewLine, this);
        return lines[0];
    }

    public SmokeRun ShouldExitWith(int code)
    {
        ExitCode.Should().Be(code, "the script printed:{0}{1}", Environment.NewLine, this);
        return this;
    }

    public string ShouldReport(string result, string check)
    {
        var line = Line(check);
        line.Should().StartWith(result, "the script printed:{0}{1}", Environment.NewLine, this);
        return line;
    }

    public override string ToString() =>
        $"exit {ExitCode} after {Elapsed.TotalSeconds:0.00}s{Environment.NewLine}--- stdout ---{Environment.NewLine}{Stdout}--- stderr ---{Environment.NewLine}{Stderr}";
}
