namespace Build.Frosting.Additions;

/// <summary>Any console, with colours switched off when <see cref="ColorPolicy"/> says so.</summary>
internal sealed class HostConsole : IConsole
{
    private readonly IConsole _inner;
    private readonly bool _colors;

    public HostConsole(IConsole inner, bool colors)
    {
        _inner = inner;
        _colors = colors;
    }

    public ConsoleColor ForegroundColor
    {
        get => _inner.ForegroundColor;
        set
        {
            if (_colors)
            {
                _inner.ForegroundColor = value;
            }
        }
    }

    public ConsoleColor BackgroundColor
    {
        get => _inner.BackgroundColor;
        set
        {
            if (_colors)
            {
                _inner.BackgroundColor = value;
            }
        }
    }

    public bool SupportAnsiEscapeCodes => _colors && _inner.SupportAnsiEscapeCodes;

    public void Write(string format, params object[] arg) => _inner.Write(format, arg);

    public void Write(string value) => _inner.Write(value);

    public void WriteLine(string format, params object[] arg) => _inner.WriteLine(format, arg);

    public void WriteLine(string value) => _inner.WriteLine(value);

    public void WriteError(string format, params object[] arg) => _inner.WriteError(format, arg);

    public void WriteError(string value) => _inner.WriteError(value);

    public void WriteErrorLine(string format, params object[] arg) => _inner.WriteErrorLine(format, arg);

    public void WriteErrorLine(string value) => _inner.WriteErrorLine(value);

    public void ResetColor()
    {
        if (_colors)
        {
            _inner.ResetColor();
        }
    }
}
