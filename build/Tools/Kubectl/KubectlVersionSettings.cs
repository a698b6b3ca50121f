namespace Build.Tools.Kubectl;

/// <summary><c>kubectl version -o json</c>; a cluster that does not answer is not an error (the client side is still read).</summary>
public sealed class KubectlVersionSettings : KubectlSettings
{
    public KubectlVersionSettings()
    {
        ThrowOnNonZeroExit = false;
    }
}
