namespace Build.Tools.DockerCompose;

/// <summary>Whether <c>up</c> builds images first.</summary>
public enum ComposeBuildMode
{
    /// <summary>Compose's default: build only images that do not exist yet.</summary>
    Default,

    /// <summary><c>--build</c>.</summary>
    Build,

    /// <summary><c>--no-build</c>: use the images already built and tagged by an earlier stage.</summary>
    NoBuild,
}
