namespace Build.Tools;

/// <summary>The spelling a tool uses for an enum member on its command line or in its JSON.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class WireNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
