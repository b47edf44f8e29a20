namespace Tongban.Kernel.Web;

/// <summary>Output cache policies the host defines and modules name on their public pages.</summary>
public static class CachePolicies
{
    /// <summary>Anonymous public pages: a minute, per language and display mode; evicted by <see cref="PublicTag"/>.</summary>
    public const string PublicPage = "public-page";

    public const string PublicTag = "public";
}
