using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using QRCoder;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.VerifyLicense;

/// <summary>
/// The QR codes people scan: a license's (to its verification page, printed on it and shown in the wallet) and a share
/// link's. PNG images served by address, so pages carry no inline data and the content security policy stays strict.
/// </summary>
internal static class QrCodes
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/licenses/verify/qr", (string? id, HttpRequest request, IOptions<LicensesOptions> options) =>
        {
            var identifier = LicenseIdentifier.Parse(id).ToString(); // a bad one is refused, naming it
            return Png($"{Origin(request, options.Value)}/licenses/verify?id={Uri.EscapeDataString(identifier)}");
        }).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/licenses/shared/{token}/qr", (string token, HttpRequest request, IOptions<LicensesOptions> options) =>
            token.Length is > 10 and < 64 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
                ? Png($"{Origin(request, options.Value)}/licenses/shared/{token}") : Results.NotFound())
            .AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>The configured public address, else the request's own.</summary>
    public static string Origin(HttpRequest request, LicensesOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicOrigin) ? $"{request.Scheme}://{request.Host}" : options.PublicOrigin.TrimEnd('/');

    private static IResult Png(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return Results.File(new PngByteQRCode(data).GetGraphic(6), "image/png");
    }
}
