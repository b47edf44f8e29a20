using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Tongban.Identity.Features.SignIn;

/// <summary>Links between the sign-in pages that keep the page to return to — a local path only, never another site.</summary>
internal static class ReturnPaths
{
    public static string With(string page, string? returnUrl, IUrlHelper url) =>
        url.IsLocalUrl(returnUrl) ? QueryHelpers.AddQueryString(page, "ReturnUrl", returnUrl!) : page;
}
