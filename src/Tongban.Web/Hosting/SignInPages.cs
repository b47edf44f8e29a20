namespace Tongban.Web.Hosting;

/// <summary>
/// Where a person who must sign in is sent: the staff area (<c>/admin</c>) to the staff sign-in (the development one
/// where it is on, which otherwise forwards to the account sign-in), every other page to the citizens' sign-in at
/// <c>/account/sign-in</c>. Both carry the page asked for as a local return address, so the person comes back to it.
/// </summary>
internal static class SignInPages
{
    public const string Citizen = "/account/sign-in";
    public const string Staff = "/sign-in";

    public static string For(HttpRequest request)
    {
        var page = request.Path.StartsWithSegments("/admin") ? Staff : Citizen;
        var back = request.PathBase + request.Path + request.QueryString;
        return $"{request.PathBase}{page}?ReturnUrl={Uri.EscapeDataString(back)}";
    }
}
