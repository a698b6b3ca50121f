using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Pipeline.Shape;

namespace Pipeline.Shape.Tests;

/// <summary>The shape rules, run by Roslyn on small sources the way the compiler runs them on build/.</summary>
public sealed class ShapeAnalyzerTests
{
    [Fact]
    public async Task Analyze_LineOf121Characters_ReportsItsLengthOnThatLine()
    {
        var source = "class A\n{\n    // " + new string('x', 114) + "\n}\n";

        var diagnostics = await AnalyzeAsync(source);

        var only = diagnostics.Should().ContainSingle().Which;
        only.Id.Should().Be("SHAPE001");
        only.GetMessage(null).Should().Be("Line is 121 characters long; at most 120 (wrap it)");
        only.Location.GetLineSpan().StartLinePosition.Line.Should().Be(2);
    }

    [Fact]
    public async Task Analyze_LineOfExactly120Characters_ReportsNothing()
    {
        var source = "class A\n{\n    // " + new string('x', 113) + "\n}\n";

        (await AnalyzeAsync(source)).Should().BeEmpty();
    }

    [Fact]
    public async Task Analyze_FileOf251Lines_ReportsTheFileOnce()
    {
        var source = "class A\n{\n" + string.Concat(Enumerable.Repeat("    // filler\n", 248)) + "}\n";

        var diagnostics = await AnalyzeAsync(source);

        diagnostics.Select(d => d.GetMessage(null)).Should().Equal("File has 251 lines; at most 250 (split it by concern)");
    }

    [Fact]
    public async Task Analyze_FileOf250LinesEndingInALineBreak_ReportsNothing()
    {
        var source = "class A\n{\n" + string.Concat(Enumerable.Repeat("    // filler\n", 247)) + "}\n";

        (await AnalyzeAsync(source)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("void Run()", "Run")]
    [InlineData("A()", "A")]
    public async Task Analyze_MemberSpanning51Lines_NamesItAndItsLength(string header, string name)
    {
        // The header, the braces and 48 statements: 51 lines.
        var body = string.Concat(Enumerable.Repeat("        System.Console.WriteLine();\n", 48));
        var source = $"class A\n{{\n    {header}\n    {{\n{body}    }}\n}}\n";

        var diagnostics = await AnalyzeAsync(source);

        diagnostics.Select(d => d.GetMessage(null)).Should().Equal($"'{name}' spans 51 lines; at most 50 (extract the steps)");
    }

    [Fact]
    public async Task Analyze_LocalFunctionSpanning51Lines_IsReportedBesideItsLongerMethod()
    {
        var body = string.Concat(Enumerable.Repeat("            System.Console.WriteLine();\n", 48));
        var source = $"class A\n{{\n    void Run()\n    {{\n        void Step()\n        {{\n{body}        }}\n    }}\n}}\n";

        var diagnostics = await AnalyzeAsync(source);

        diagnostics.Select(d => d.GetMessage(null)).Should().BeEquivalentTo(
            "'Step' spans 51 lines; at most 50 (extract the steps)", "'Run' spans 54 lines; at most 50 (extract the steps)");
    }

    [Fact]
    public async Task Analyze_MethodOf50Lines_ReportsNothing()
    {
        var body = string.Concat(Enumerable.Repeat("        System.Console.WriteLine();\n", 47));
        var source = $"class A\n{{\n    void Run()\n    {{\n{body}    }}\n}}\n";

        (await AnalyzeAsync(source)).Should().BeEmpty();
    }

    [Fact]
    public async Task Analyze_RecordWithNinePositionalParameters_ReportsTheRecord()
    {
        var parameters = string.Join(", ", Enumerable.Range(1, 9).Select(i => $"int P{i}"));

        var diagnostics = await AnalyzeAsync($"record Wide({parameters});\nrecord struct Narrow(int A, int B);\n");

        diagnostics.Select(d => d.GetMessage(null)).Should()
            .Equal("Record 'Wide' has 9 positional parameters; at most 8 (group related ones into a record)");
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, path: "Sample.cs");
        var references = new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) };
        var compilation = CSharpCompilation.Create("Sample", [tree], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = compilation.WithAnalyzers([new ShapeAnalyzer()]);
        return await analyzers.GetAnalyzerDiagnosticsAsync();
    }
}
