using Build.Tools.Python;
using Cake.Core.IO;

namespace Build.Tools.Pytest;

/// <summary><c>python -m pytest</c>. Failing tests do not throw, so reports are still published.</summary>
public sealed class PytestSettings : PythonModuleSettings
{
    /// <summary>Test files, directories or node ids, relative to the working directory.</summary>
    public IReadOnlyList<string> TestPaths { get; init; } = [];

    /// <summary>Packages measured by pytest-cov (<c>--cov=&lt;pkg&gt;</c> each).</summary>
    public IReadOnlyList<string> CoveragePackages { get; init; } = [];

    /// <summary><c>--cov-report=xml:&lt;path&gt;</c>.</summary>
    public FilePath? CoverageXmlReport { get; init; }

    /// <summary><c>--cov-report=term</c>.</summary>
    public bool CoverageTerminalReport { get; init; }

    /// <summary><c>--cov-fail-under=&lt;percent&gt;</c>.</summary>
    public int? CoverageFailUnder { get; init; }

    /// <summary><c>--junitxml=&lt;path&gt;</c>.</summary>
    public FilePath? JUnitXml { get; init; }

    /// <summary><c>-p no:cacheprovider</c>: no <c>.pytest_cache</c> written into the source tree.</summary>
    public bool DisableCacheProvider { get; init; }
}
