using Build.Tools.Python;

namespace Build.Tools.Mypy;

/// <summary><c>python -m mypy</c>; strictness and plugins come from pyproject.toml in the working directory.</summary>
public sealed class MypySettings : PythonModuleSettings
{
}
