using Build.Tools.Python;

namespace Build.Tools.Black;

/// <summary><c>python -m black --check --diff</c>: reports, never rewrites.</summary>
public sealed class BlackSettings : PythonModuleSettings
{
}
