namespace Build.Tasks.StageHelpers;

/// <summary>
/// Whole text files through Cake's <see cref="IFileSystem"/>: Cake.Core gives files as streams only
/// (<c>IFile.Open</c>, <c>FileExtensions.OpenRead</c>/<c>OpenWrite</c>).
/// </summary>
internal static class FileSystemText
{
    // UTF-8 without a byte order mark, as File.WriteAllText writes: generated files stay byte-identical.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string ReadAllText(this IFileSystem fileSystem, FilePath file)
    {
        using var reader =
            new StreamReader(fileSystem.GetFile(file).OpenRead(), Utf8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    public static void WriteAllText(this IFileSystem fileSystem, FilePath file, string content)
    {
        using var stream = fileSystem.GetFile(file).Open(FileMode.Create, FileAccess.Write, FileShare.None);
        using var writer = new StreamWriter(stream, Utf8);
        writer.Write(content);
    }
}
