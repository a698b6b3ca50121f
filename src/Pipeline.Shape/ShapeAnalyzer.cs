using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Pipeline.Shape;

/// <summary>Reports lines, files, methods and records over the limits of <see cref="ShapeRules"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShapeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [ShapeRules.LineTooLong, ShapeRules.FileTooLong, ShapeRules.MethodTooLong, ShapeRules.RecordTooWide];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(AnalyzeFile);
        context.RegisterSyntaxNodeAction(AnalyzeMember,
            SyntaxKind.MethodDeclaration, SyntaxKind.ConstructorDeclaration, SyntaxKind.LocalFunctionStatement,
            SyntaxKind.GetAccessorDeclaration, SyntaxKind.SetAccessorDeclaration, SyntaxKind.InitAccessorDeclaration,
            SyntaxKind.OperatorDeclaration, SyntaxKind.ConversionOperatorDeclaration);
        context.RegisterSyntaxNodeAction(AnalyzeRecord, SyntaxKind.RecordDeclaration, SyntaxKind.RecordStructDeclaration);
    }

    private static void AnalyzeFile(SyntaxTreeAnalysisContext context)
    {
        var text = context.Tree.GetText(context.CancellationToken);
        foreach (var line in text.Lines)
        {
            if (line.Span.Length > ShapeRules.MaxLineLength)
            {
                var location = Location.Create(context.Tree, line.Span);
                context.ReportDiagnostic(Diagnostic.Create(ShapeRules.LineTooLong, location, line.Span.Length));
            }
        }

        var lines = CountLines(text);
        if (lines > ShapeRules.MaxFileLines)
        {
            var first = Location.Create(context.Tree, text.Lines[0].Span);
            context.ReportDiagnostic(Diagnostic.Create(ShapeRules.FileTooLong, first, lines));
        }
    }

    private static void AnalyzeMember(SyntaxNodeAnalysisContext context)
    {
        var lines = context.Node.GetLocation().GetLineSpan();
        var span = lines.EndLinePosition.Line - lines.StartLinePosition.Line + 1;
        if (span > ShapeRules.MaxMethodLines)
        {
            var (name, location) = NameOf(context.Node);
            context.ReportDiagnostic(Diagnostic.Create(ShapeRules.MethodTooLong, location, name, span));
        }
    }

    private static void AnalyzeRecord(SyntaxNodeAnalysisContext context)
    {
        var record = (RecordDeclarationSyntax)context.Node;
        var count = record.ParameterList?.Parameters.Count ?? 0;
        if (count > ShapeRules.MaxRecordParameters)
        {
            context.ReportDiagnostic(Diagnostic.Create(ShapeRules.RecordTooWide, record.Identifier.GetLocation(),
                record.Identifier.Text, count));
        }
    }

    /// <summary>A file's lines as an editor counts them: a final line break does not start another line.</summary>
    private static int CountLines(SourceText text) =>
        text.Lines.Count > 0 && text.Lines[text.Lines.Count - 1].Span.IsEmpty ? text.Lines.Count - 1 : text.Lines.Count;

    private static (string Name, Location Location) NameOf(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => (method.Identifier.Text, method.Identifier.GetLocation()),
        ConstructorDeclarationSyntax constructor => (constructor.Identifier.Text, constructor.Identifier.GetLocation()),
        LocalFunctionStatementSyntax local => (local.Identifier.Text, local.Identifier.GetLocation()),
        AccessorDeclarationSyntax accessor => (accessor.Keyword.Text + " accessor", accessor.Keyword.GetLocation()),
        _ => (node.Kind().ToString(), node.GetFirstToken().GetLocation()),
    };
}
