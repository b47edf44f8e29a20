using Microsoft.Extensions.Options;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ReadLicenses;
using Tongban.Licenses.Features.Rendering;
using UglyToad.PdfPig;

namespace Tongban.Licenses.Tests;

public sealed class PdfRenderTests
{
    [Fact]
    public async Task A_license_prints_on_its_default_template_with_every_value_and_a_license_whose_seal_fails_is_not_printed()
    {
        var license = Samples.License();
        var face = Signing.LicenseDocument.Read(Signing.LicenseDocument.Canonical(Face(license), "k", "SM2-SM3")).Face;
        var pdf = new LicensePdf(null!, Options.Create(new Kernel.Documents.DocumentOptions()));
        var bytes = await pdf.RenderAsync(new SealedLicense(license, face, true, LicenseStatus.Valid), Samples.Definition(), "http://localhost/licenses/verify?id=x", default);
        using var document = PdfDocument.Open(bytes);
        var text = string.Concat(document.GetPage(1).Letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("张建国", text, StringComparison.Ordinal);
        Assert.Contains("等级：一级", text, StringComparison.Ordinal);
        Assert.Contains(license.Identifier, text, StringComparison.Ordinal);
        Assert.Single(document.GetPage(1).GetImages());
        var refused = await Assert.ThrowsAsync<Kernel.Errors.DomainException>(() => pdf.RenderAsync(new SealedLicense(license, null, false, LicenseStatus.Valid), null, "x", default));
        Assert.Equal("license.seal_invalid", refused.Errors[0].Code);
    }

    private static LicenseFace Face(License license) => new(license.Identifier, license.TypeCode, "测试证", license.Number, license.IssuerCode, "铁岭市民政局",
        license.Holder, license.IssuedOn, license.ValidUntil, new Dictionary<string, string> { ["grade"] = "一级" });
}
