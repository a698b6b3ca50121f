using System.Text;
using System.Text.RegularExpressions;
using Cake.Core.IO;

namespace Build.Tests.Support;

/// <summary>
/// Cake's <see cref="IFileSystem"/> in memory, for in-process tests of code that goes through <c>context.FileSystem</c>
/// (Cake.Testing's FakeFileSystem is not served by the package registry here). Paths are absolute, '/'-separated;
/// a file's folders exist with it. Lives here, not in tests/Shared, because only this project references Cake.Core.
/// </summary>
public sealed class InMemoryFileSystem : IFileSystem
{
    private readonly Dictionary<string, (byte[] Content, DateTime Written)> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal) { "/" };

    /// <summary>The clock of the next write; tests move it to order files' write times.</summary>
    public DateTime Now { get; set; } = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public IReadOnlyCollection<string> Files => _files.Keys;

    public IFile GetFile(FilePath path) => new MemoryFile(this, Absolute(path.FullPath));

    public IDirectory GetDirectory(DirectoryPath path) => new MemoryDirectory(this, Absolute(path.FullPath));

    public InMemoryFileSystem WithFile(string path, string content)
    {
        Write(Absolute(path), Encoding.UTF8.GetBytes(content));
        return this;
    }

    public InMemoryFileSystem WithDirectory(string path)
    {
        AddDirectory(Absolute(path));
        return this;
    }

    public string Text(string path) => Encoding.UTF8.GetString(_files[Absolute(path)].Content);

    private static string Absolute(string path) => path.StartsWith('/')
        ? path.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/"
        : throw new ArgumentException($"'{path}': the in-memory file system takes absolute paths only.", nameof(path));

    private static string Parent(string path) => path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : "/";

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(folder == "/" ? "/" : folder + "/", StringComparison.Ordinal) && path != folder;

    private void AddDirectory(string path)
    {
        for (var folder = path; _directories.Add(folder); folder = Parent(folder))
        {
        }
    }

    private void Write(string path, byte[] content)
    {
        if (_directories.Contains(path))
        {
            throw new IOException($"{path} is a directory.");
        }
        AddDirectory(Parent(path));
        _files[path] = (content, Now);
    }

    private IEnumerable<string> Children(IEnumerable<string> paths, string folder, string filter, SearchScope scope)
    {
        var pattern = new Regex("^" + Regex.Escape(filter).Replace("\\*", ".*").Replace("\\?", ".") + "$");
        return paths.Where(path => IsUnder(path, folder)
                && (scope == SearchScope.Recursive || Parent(path) == folder)
                && pattern.IsMatch(path[(path.LastIndexOf('/') + 1)..]))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private sealed class MemoryFile(InMemoryFileSystem fileSystem, string path) : IFile
    {
        public FilePath Path { get; } = new(path);

        Cake.Core.IO.Path IFileSystemInfo.Path => Path;

        public bool Exists => fileSystem._files.ContainsKey(path);

        public bool Hidden => false;

        public long Length => Content.Length;

        public FileAttributes Attributes { get; set; } = FileAttributes.Normal;

        public DateTime? LastWriteTimeUtc => Exists ? fileSystem._files[path].Written : null;

        private byte[] Content => fileSystem._files.TryGetValue(path, out var file)
            ? file.Content
            : throw new FileNotFoundException($"{path} does not exist.", path);

        public void Copy(FilePath destination, bool overwrite)
        {
            var target = Absolute(destination.FullPath);
            if (!overwrite && fileSystem._files.ContainsKey(target))
            {
                throw new IOException($"{target} exists.");
            }
            fileSystem.Write(target, Content);
        }

        public void Move(FilePath destination)
        {
            Copy(destination, overwrite: false);
            Delete();
        }

        public void Delete()
        {
            if (!fileSystem._files.Remove(path))
            {
                throw new FileNotFoundException($"{path} does not exist.", path);
            }
        }

        public Stream Open(FileMode fileMode, FileAccess fileAccess, FileShare fileShare)
        {
            if (fileAccess == FileAccess.Read)
            {
                return new MemoryStream(Content, writable: false);
            }
            var stream = new CommittingStream(bytes => fileSystem.Write(path, bytes));
            if (fileMode is not (FileMode.Create or FileMode.Truncate) && Exists)
            {
                stream.Write(Content);
                stream.Position = fileMode == FileMode.Append ? stream.Length : 0;
            }
            return stream;
        }
    }

    private sealed class MemoryDirectory(InMemoryFileSystem fileSystem, string path) : IDirectory
    {
        public DirectoryPath Path { get; } = new(path);

        Cake.Core.IO.Path IFileSystemInfo.Path => Path;

        public bool Exists => fileSystem._directories.Contains(path);

        public bool Hidden => false;

        public void Create() => fileSystem.AddDirectory(path);

        public void Delete(bool recursive)
        {
            var contents = fileSystem._files.Keys.Concat(fileSystem._directories)
                .Where(entry => IsUnder(entry, path))
                .ToList();
            if (!Exists || (contents.Count > 0 && !recursive))
            {
                throw new IOException(Exists ? $"{path} is not empty." : $"{path} does not exist.");
            }
            foreach (var entry in contents.Append(path))
            {
                fileSystem._files.Remove(entry);
                fileSystem._directories.Remove(entry);
            }
        }

        public void Move(DirectoryPath destination) =>
            throw new NotSupportedException("No code under test moves a directory.");

        public IEnumerable<IDirectory> GetDirectories(string filter, SearchScope scope) =>
            fileSystem.Children(fileSystem._directories, path, filter, scope)
                .Select(d => new MemoryDirectory(fileSystem, d));

        public IEnumerable<IFile> GetFiles(string filter, SearchScope scope) =>
            fileSystem.Children(fileSystem._files.Keys, path, filter, scope).Select(f => new MemoryFile(fileSystem, f));
    }

    /// <summary>What is written lands in the file system when the stream is closed, as a real file's would.</summary>
    private sealed class CommittingStream(Action<byte[]> commit) : MemoryStream
    {
        private bool _committed;

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_committed)
            {
                _committed = true;
                commit(ToArray());
            }
            base.Dispose(disposing);
        }
    }
}
