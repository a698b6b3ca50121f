namespace Build.Frosting;

/// <summary>The context tasks receive; derive from it for a typed build context created through DI.</summary>
public class FrostingContext(ICakeContext context) : CakeContextAdapter(context)
{
}
