using Microsoft.CodeAnalysis;

namespace Pipeline.Shape;

/// <summary>The limits of the host's shape (issue #26): short lines, small files, small methods, small records.</summary>
public static class ShapeRules
{
    public const int MaxLineLength = 120;
    public const int MaxFileLines = 250;
    public const int MaxMethodLines = 50;
    public const int MaxRecordParameters = 8;

    private const string Category = "Shape";

    public static readonly DiagnosticDescriptor LineTooLong = Rule("SHAPE001", "Line too long",
        "Line is {0} characters long; at most " + MaxLineLength + " (wrap it)");

    public static readonly DiagnosticDescriptor FileTooLong = Rule("SHAPE002", "File too long",
        "File has {0} lines; at most " + MaxFileLines + " (split it by concern)");

    public static readonly DiagnosticDescriptor MethodTooLong = Rule("SHAPE003", "Method too long",
        "'{0}' spans {1} lines; at most " + MaxMethodLines + " (extract the steps)");

    public static readonly DiagnosticDescriptor RecordTooWide = Rule("SHAPE004", "Record has too many positional parameters",
        "Record '{0}' has {1} positional parameters; at most " + MaxRecordParameters + " (group related ones into a record)");

    private static DiagnosticDescriptor Rule(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
