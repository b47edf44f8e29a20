using System.Net;
using UglyToad.PdfPig;

namespace Tongban.Licenses.Tests;

/// <summary>The printed license, read back with PdfPig (the product writes with PDFsharp).</summary>
public sealed class PdfTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task The_holder_downloads_a_pdf_with_her_name_the_identifier_and_the_qr_code_and_another_holder_finds_nothing(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (idNumber, _, holder) = await app.RegisterCitizenAsync("郑淑珍");
        var identifier = await (await app.LicenseAdminAsync(Samples.Psb)).IssueResidencePermitAsync(idNumber, "郑淑珍");
        Assert.Contains($"/my/licenses/{Uri.EscapeDataString(identifier)}/pdf", await holder.GetStringAsync($"/my/licenses/{identifier}"), StringComparison.Ordinal);

        using var answer = await holder.GetAsync($"/my/licenses/{identifier}/pdf");
        Assert.Equal("application/pdf", answer.Content.Headers.ContentType?.MediaType);
        var text = Read(await answer.Content.ReadAsByteArrayAsync(), out var images);
        Assert.Contains("郑淑珍", text, StringComparison.Ordinal);
        Assert.Contains("居住证", text, StringComparison.Ordinal);
        Assert.Contains("铁岭市银州区广裕街12号", text, StringComparison.Ordinal);
        Assert.Contains(identifier, text, StringComparison.Ordinal);
        Assert.True(images >= 1, "the verification QR code is an image on the page");

        var (_, _, other) = await app.RegisterCitizenAsync("钱多多");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/my/licenses/{identifier}/pdf")).StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task An_administrator_of_the_issuer_prints_a_license_and_one_of_another_authority_finds_nothing(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var samr = await app.LicenseAdminAsync(Samples.Samr);
        var identifier = await samr.IssueFoodLicenceAsync();
        (await samr.ChangeAsync(identifier, "suspend", "停业整顿")).EnsureSuccessStatusCode();

        using var answer = await samr.GetAsync($"/api/licenses/admin/licenses/{identifier}/pdf");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var text = Read(await answer.Content.ReadAsByteArrayAsync(), out _);
        Assert.Contains("铁岭县通办示范商贸有限公司", text, StringComparison.Ordinal);
        Assert.Contains("暂扣", text, StringComparison.Ordinal); // not valid today: its status is across the page
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.LicenseAdminAsync(Samples.Psb)).GetAsync($"/api/licenses/admin/licenses/{identifier}/pdf")).StatusCode);
    }

    /// <summary>The first page's text without spaces (PdfPig places letters, not words) and how many images it holds.</summary>
    private static string Read(byte[] pdf, out int images)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        images = page.GetImages().Count();
        return string.Concat(page.Letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);
    }
}
