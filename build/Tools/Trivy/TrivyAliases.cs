using Cake.Core.Annotations;

namespace Build.Tools.Trivy;

[CakeAliasCategory("Trivy")]
public static class TrivyAliases
{
    /// <summary><c>trivy image --severity … --exit-code 1 --format sarif --output f &lt;image&gt;</c>; check <see cref="TrivyScanResult.Outcome"/>.</summary>
    [CakeMethodAlias]
    public static TrivyScanResult TrivyImage(this ICakeContext context, TrivyImageSettings settings) => new TrivyRunner(context).ScanImage(settings);
}
