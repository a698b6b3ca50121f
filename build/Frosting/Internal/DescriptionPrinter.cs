namespace Build.Frosting.Internal;

/// <summary>--description: every task and its description, sorted by name, in two aligned columns.</summary>
internal static class DescriptionPrinter
{
    private const string TaskHeader = "Task";

    public static void Write(IConsole console, TaskCatalog catalog)
    {
        var tasks = catalog.Tasks.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var width = tasks.Select(t => t.Name.Length).Append(TaskHeader.Length).Max() + 2;
        console.WriteLine(TaskHeader.PadRight(width) + "Description");
        foreach (var task in tasks)
        {
            console.WriteLine((task.Name.PadRight(width) + task.Description).TrimEnd());
        }
    }
}
