using System.Text;
using Cake.Core;

namespace Build.Tests.Frosting.Support;

/// <summary>Records everything the host writes; stdout and stderr interleaved in <see cref="Output"/>.</summary>
public sealed class CapturingConsole : IConsole
{
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly Lock _lock = new();

    public ConsoleColor ForegroundColor { get; set; }

    public ConsoleColor BackgroundColor { get; set; }

    public bool SupportAnsiEscapeCodes => false;

    public string Output
    {
        get
        {
            lock (_lock)
            {
                return _output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_lock)
            {
                return _errors.ToString();
            }
        }
    }

    public void Write(string format, params object[] arg) => Append(string.Format(format, arg), error: false);

    public void Write(string value) => Append(value, error: false);

    public void WriteLine(string format, params object[] arg) => Append(string.Format(format, arg) + "\n", error: false);

    public void WriteLine(string value) => Append(value + "\n", error: false);

    public void WriteError(string format, params object[] arg) => Append(string.Format(format, arg), error: true);

    public void WriteError(string value) => Append(value, error: true);

    public void WriteErrorLine(string format, params object[] arg) => Append(string.Format(format, arg) + "\n", error: true);

    public void WriteErrorLine(string value) => Append(value + "\n", error: true);

    public void ResetColor()
    {
    }

    private void Append(string text, bool error)
    {
        lock (_lock)
        {
            _output.Append(text);
            if (error)
            {
                _errors.Append(text);
            }
        }
    }
}
