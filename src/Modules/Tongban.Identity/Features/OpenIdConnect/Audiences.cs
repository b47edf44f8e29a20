namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// The resource servers an access token may be for, its <c>aud</c> (RFC 9068 §2.2): a person's token is for userinfo, a
/// department system's for the exchange. Each resource server takes only tokens naming it.
/// </summary>
internal static class Audiences
{
    public const string UserInfo = "urn:tongban:userinfo";
    public const string Exchange = "urn:tongban:exchange";
}
