namespace Build.Deploy;

/// <summary>
/// One image the chart deploys: <c>registry/owner/repository</c>, then <c>@digest</c> when known, else <c>:tag</c>.
/// </summary>
public sealed record ImageReference(string Registry, string Owner, string Repository, string Tag, string? Digest)
{
    public override string ToString()
    {
        var name = string.Join('/', new[] { Registry, Owner, Repository }.Where(part => part.Length > 0));
        return Digest is null ? $"{name}:{Tag}" : $"{name}@{Digest}";
    }
}

/// <summary>
/// The backend and frontend images of one deploy: the digests Push-Images recorded in images.json when that file
/// exists, otherwise the commit-SHA tag under the configured registry and owner.
/// </summary>
public sealed partial record DeployImages(ImageReference Backend, ImageReference Frontend, string Source)
{
    // Image names the chart's values default to; Build-Images names the images the same way.
    private const string BackendRepository = "sovd-backend";
    private const string FrontendRepository = "sovd-frontend";

    /// <summary>
    /// Throws, before any side effect, when images.json is wrong or the chart cannot express the images.
    /// </summary>
    public static DeployImages Resolve(ImageSettings settings)
    {
        var file = settings.ImagesFile.FullPath;
        var images = File.Exists(file)
            ? FromFile(file, settings)
            : FromTag(settings, $"tag {settings.Sha}, no {Path.GetFileName(file)}");
        return images.Backend.Registry == images.Frontend.Registry && images.Backend.Owner == images.Frontend.Owner
            ? images
            : throw new DeployException(
                $"The backend ({images.Backend}) and frontend ({images.Frontend}) images live under different " +
                "registries or owners; the chart has one global.imageRegistry and global.imageOwner.");
    }

    public IReadOnlyDictionary<string, string> ChartValues()
    {
        var values = new Dictionary<string, string>
        {
            ["global.imageRegistry"] = Backend.Registry,
            ["global.imageOwner"] = Backend.Owner,
        };
        foreach (var (component, image) in new[] { ("backend", Backend), ("frontend", Frontend) })
        {
            values[$"{component}.image.repository"] = image.Repository;
            values[$"{component}.image.tag"] = image.Tag;
            if (image.Digest is not null)
            {
                values[$"{component}.image.digest"] = image.Digest;
            }
        }
        return values;
    }

    private static DeployImages FromTag(ImageSettings settings, string source)
    {
        var sha = settings.Sha
            ?? throw new InvalidOperationException("DeploySettings has no SHA; Problems should have said so.");
        var owner = settings.Owner
            ?? throw new InvalidOperationException("DeploySettings has no owner; Problems should have said so.");
        return new(
            new ImageReference(settings.Registry, owner, BackendRepository, sha, null),
            new ImageReference(settings.Registry, owner, FrontendRepository, sha, null),
            source);
    }

    private static DeployImages FromFile(string file, ImageSettings settings)
    {
        Dictionary<string, RecordedImage?> recorded;
        try
        {
            recorded = JsonSerializer.Deserialize<Dictionary<string, RecordedImage?>>(
                File.ReadAllText(file), JsonSerializerOptions.Web) ?? [];
        }
        catch (JsonException error)
        {
            throw new DeployException(
                $"{file} is not valid JSON ({error.Message}): " +
                "run Push-Images again or remove the file to deploy by tag.", error);
        }
        var images = new DeployImages(
            Read(recorded, "backend", file, settings),
            Read(recorded, "frontend", file, settings),
            $"digests from {file}");
        // A file left from an earlier local run must not put another commit's images into an environment.
        if (settings.Sha is { } sha && (images.Backend.Tag != sha || images.Frontend.Tag != sha))
        {
            throw new DeployException(
                $"{file} records images of {images.Backend.Tag} but this run deploys commit {sha}: " +
                "run Push-Images for this commit, or delete the file to deploy by tag.");
        }
        return images;
    }

    private static ImageReference Read(
        Dictionary<string, RecordedImage?> recorded, string component, string file, ImageSettings settings)
    {
        var entry = recorded.GetValueOrDefault(component)
            ?? throw new DeployException($"{file} has no \"{component}\" object: " +
                $"expected {{\"{component}\": {{\"repository\": ..., \"tag\": ..., \"digest\": \"sha256:...\"}}}}.");
        string Text(string? value, string property) => value is { Length: > 0 }
            ? value
            : throw new DeployException($"{file}: {component}.{property} is missing or empty.");
        var digest = entry.Digest is { Length: > 0 } ? entry.Digest : null;
        if (digest is not null && !DigestPattern().IsMatch(digest))
        {
            throw new DeployException(
                $"{file}: {component}.digest '{digest}' is not sha256:<64 lower-case hex digits>.");
        }
        var (registry, owner, name) = Split(Text(entry.Repository, "repository"), settings);
        return new ImageReference(registry, owner, name, Text(entry.Tag, "tag"), digest);
    }

    /// <summary>
    /// ghcr.io/acme/sovd-backend → (ghcr.io, acme, sovd-backend); a first part without '.' or ':' is an owner.
    /// </summary>
    private static (string Registry, string Owner, string Name) Split(string repository, ImageSettings settings)
    {
        var parts = repository.Split('/');
        var name = parts[^1];
        var hasRegistry = parts.Length > 1
            && (parts[0].Contains('.') || parts[0].Contains(':') || parts[0] == "localhost");
        var registry = hasRegistry ? parts[0] : settings.Registry;
        var ownerParts = parts[(hasRegistry ? 1 : 0)..^1];
        // A full name says its owner, also when it has none
        // (ECR: <account>.dkr.ecr.<region>.amazonaws.com/sovd-backend).
        var owner = ownerParts.Length > 0
            ? string.Join('/', ownerParts)
            : hasRegistry ? "" : settings.Owner ?? "";
        return (registry, owner, name);
    }

    [GeneratedRegex("^sha256:[a-f0-9]{64}$")]
    private static partial Regex DigestPattern();

    /// <summary>
    /// One component's entry in images.json as Push-Images writes it (its other fields are not read here).
    /// </summary>
    private sealed record RecordedImage(string? Repository, string? Tag, string? Digest);
}
