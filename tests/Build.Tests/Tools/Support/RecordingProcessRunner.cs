using Cake.Core.IO;

namespace Build.Tests.Tools.Support;

/// <summary>Records every process start and answers with the last matching scripted reply (default: exit 0, no output).</summary>
public sealed class RecordingProcessRunner : IProcessRunner
{
    private readonly List<(Func<ProcessCall, bool> Matches, ProcessReply Reply)> _replies = [];

    public List<ProcessCall> Calls { get; } = [];

    public ProcessCall Single => Calls.Should().ContainSingle().Subject;

    public RecordingProcessRunner When(Func<ProcessCall, bool> matches, ProcessReply reply)
    {
        _replies.Add((matches, reply));
        return this;
    }

    public RecordingProcessRunner WhenArguments(string argumentsStartWith, ProcessReply reply) =>
        When(call => call.Arguments.StartsWith(argumentsStartWith, StringComparison.Ordinal), reply);

    public IProcess Start(FilePath filePath, ProcessSettings settings)
    {
        var call = new ProcessCall(filePath, settings);
        Calls.Add(call);
        var reply = _replies.LastOrDefault(entry => entry.Matches(call)).Reply ?? new ProcessReply();
        return new FakeProcess(reply, settings);
    }
}
