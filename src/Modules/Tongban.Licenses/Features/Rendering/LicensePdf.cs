using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;
using Tongban.Kernel.Documents;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Files;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ReadLicenses;

namespace Tongban.Licenses.Features.Rendering;

/// <summary>
/// A license printed as PDF (PDFsharp) from its type's template: the background image if any, the title, every placed
/// value with its label at its position and size, the issuing authority's seal area, the QR code linking to the
/// verification page and the identifier. Only a license whose seal verifies is printed, from its signed face; one
/// that is not valid today carries its status across the page. Text is drawn with the configured CJK font, embedded.
/// </summary>
internal sealed class LicensePdf(IFileStore files, IOptions<DocumentOptions> documents)
{
    private const double PointsPerMm = 72 / 25.4;
    private static readonly XColor SealRed = XColor.FromArgb(200, 16, 16);

    public Task<byte[]> RenderAsync(SealedLicense sealedLicense, TypeDefinition? type, string verifyUrl, CancellationToken ct)
    {
        if (!sealedLicense.SignatureValid || sealedLicense.Face is not { } face)
            throw new DomainException(new DomainError("license.seal_invalid", "该证照签章验证失败，不能生成版式文件", "The license's seal does not verify; it cannot be printed", ErrorKind.Conflict));
        var stamp = sealedLicense.Status == LicenseStatus.Valid ? null : LicenseStatusText.Label(sealedLicense.Status).Zh;
        return DrawAsync(face, type, verifyUrl, stamp, ct);
    }

    /// <summary>A type's template filled with sample data (<see cref="SampleFace"/>) and marked 样本 across the page, for the admin page's preview.</summary>
    public Task<byte[]> PreviewAsync(LicenseFace sample, TypeDefinition type, string verifyUrl, CancellationToken ct) =>
        DrawAsync(sample, type, verifyUrl, "样本 SAMPLE", ct);

    private async Task<byte[]> DrawAsync(LicenseFace face, TypeDefinition? type, string verifyUrl, string? stamp, CancellationToken ct)
    {
        var template = type?.Layout ?? LicenseTemplate.Default(new Kernel.Forms.FormDefinition([]));
        var family = CjkFont.Family(documents.Value);
        using var document = new PdfDocument();
        document.Info.Title = $"{face.TypeName} {face.Number}";
        document.Info.Subject = face.Identifier;
        var page = document.AddPage();
        (page.Width, page.Height) = (XUnit.FromMillimeter((double)template.Width), XUnit.FromMillimeter((double)template.Height));
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            if (template.Background is { } background) await DrawBackgroundAsync(gfx, background, template, ct);
            XFont Font(decimal size) => new(family, (double)size, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            gfx.DrawString(face.TypeName, Font(template.TitleSize), XBrushes.Black, new XRect(0, Mm(12m), page.Width.Point, Mm(template.TitleSize / 2)), XStringFormats.TopCenter);
            var values = LicenseView.FieldsOf(face, type).ToDictionary(f => f.Key, f => (f.LabelZh, f.Value));
            foreach (var placement in template.Fields.Append(template.Identifier))
                gfx.DrawString(Text(placement, face, values), Font(placement.FontSize), XBrushes.Black, Mm(placement.X), Mm(placement.Y), XStringFormats.TopLeft);
            DrawSeal(gfx, template.Seal, face.IssuerName, Font);
            DrawQr(gfx, template.Qr, verifyUrl);
            if (stamp is not null)
                gfx.DrawString(stamp, Font(48), new XSolidBrush(XColor.FromArgb(120, SealRed)), new XRect(0, 0, page.Width.Point, page.Height.Point), XStringFormats.Center);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    internal static string Text(Placement placement, LicenseFace face, Dictionary<string, (string Label, string Value)> values)
    {
        var (label, value) = StandardFields.IsStandard(placement.Key)
            ? (StandardFields.Label(placement.Key).Zh, face.ValueOf(placement.Key))
            : values.GetValueOrDefault(placement.Key, (placement.Key, ""));
        return placement.Label ? $"{label}：{value}" : value;
    }

    private async Task DrawBackgroundAsync(XGraphics gfx, string fileId, LicenseTemplate template, CancellationToken ct)
    {
        await using var stream = await files.OpenAsync(fileId, ct);
        if (stream is null) return; // a removed background leaves a plain page, never an unprintable license
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        try
        {
            using var image = XImage.FromStream(buffer);
            gfx.DrawImage(image, 0, 0, Mm(template.Width), Mm(template.Height));
        }
        catch (InvalidOperationException)
        {
            // an image PDFsharp cannot read (e.g. a palette PNG) also leaves a plain page
        }
    }

    /// <summary>The seal area: the authority's round seal drawn in red with its name, the electronic seal being the signature itself.</summary>
    private static void DrawSeal(XGraphics gfx, Box box, string issuer, Func<decimal, XFont> font)
    {
        var (x, y, size) = (Mm(box.X), Mm(box.Y), Mm(box.Size));
        gfx.DrawEllipse(new XPen(SealRed, 2), x, y, size, size);
        gfx.DrawString("★", font(box.Size / 3), new XSolidBrush(SealRed), new XRect(x, y, size, size), XStringFormats.Center);
        var nameSize = Math.Clamp(box.Size * 2.2m / Math.Max(issuer.Length, 1), 5, 14);
        gfx.DrawString(issuer, font(nameSize), new XSolidBrush(SealRed), new XRect(x, y + size * 0.12, size, size * 0.2), XStringFormats.Center);
        gfx.DrawString("电子证照专用章", font(Math.Clamp(box.Size / 6, 5, 10)), new XSolidBrush(SealRed), new XRect(x, y + size * 0.7, size, size * 0.15), XStringFormats.Center);
    }

    private static void DrawQr(XGraphics gfx, Box box, string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        // 24-bit BMP: PDFsharp's own decoder does not read the palette PNG QRCoder writes.
        using var bitmap = new MemoryStream(new BitmapByteQRCode(data).GetGraphic(8));
        using var image = XImage.FromStream(bitmap);
        gfx.DrawImage(image, Mm(box.X), Mm(box.Y), Mm(box.Size), Mm(box.Size));
    }

    private static double Mm(decimal mm) => (double)mm * PointsPerMm;
}
