using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Tests;

/// <summary>The guide as the way in: "在线办理" where an item can be applied for online, where to go where it cannot, and its forms as downloads.</summary>
public sealed partial class GuideApplyTests(LaneApps apps)
{
    private const string ResidencePermit = "11211200061012195B00070501100001"; // 居住证申领: depth 3, a form, L2
    private const string ProjectApproval = "11211200028410570F00010100100001"; // 企业投资项目核准: a blank form and sample on its first material
    private const string IdCard = "11211200061012195B00070500100001"; // 居民身份证申领: depth 2 (下载表格)

    [Theory]
    [DatabaseLanes]
    public async Task An_item_with_an_online_form_leads_to_it_and_says_the_level_it_needs_with_the_way_to_raise_it(DatabaseLane lane)
    {
        var client = (await apps.For(lane)).CreateClient();
        var guide = WebUtility.HtmlDecode(await client.GetStringAsync($"/items/{ResidencePermit}"));
        Assert.Contains($"href=\"/apply/{ResidencePermit}\" id=\"apply-link\"", guide, StringComparison.Ordinal);
        Assert.Contains("需要2级实名认证（L2）", guide, StringComparison.Ordinal);
        Assert.Contains($"href=\"/account/verify?ReturnUrl=%2Fapply%2F{ResidencePermit}\"", guide, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"apply-in-person\"", guide, StringComparison.Ordinal);
        Assert.Contains("href=\"/apply/bundle/LE-GTKY\"", await client.GetStringAsync("/life-events/LE-GTKY"), StringComparison.Ordinal); // every item of it has a form
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_item_that_cannot_be_applied_for_online_says_why_and_where_to_go(DatabaseLane lane)
    {
        // Every online item of the demo catalog has a form now: an item fed without one stands for "no form yet".
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        using (var fed = await admin.PostAsync("/api/catalog/feeds", Feeds.Content(Feeds.Standard("NOF")))) Assert.True(fed.IsSuccessStatusCode, await fed.Content.ReadAsStringAsync());
        var client = app.CreateClient();
        var noForm = WebUtility.HtmlDecode(await client.GetStringAsync($"/items/{Feeds.PublicSecurity}NOF001"));
        Assert.DoesNotContain("id=\"apply-link\"", noForm, StringComparison.Ordinal);
        Assert.Contains("本事项的在线申请表尚未开通", noForm, StringComparison.Ordinal);
        Assert.Matches(InPersonHall(), noForm);

        var atWindow = WebUtility.HtmlDecode(await client.GetStringAsync($"/items/{IdCard}"));
        Assert.Contains("本事项的网上办理深度为“下载表格”，须到现场提交申请", atWindow, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"apply-link\"", atWindow, StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_blank_form_and_its_sample_are_pdf_downloads_with_the_guides_content(DatabaseLane lane)
    {
        var client = (await apps.For(lane)).CreateClient();
        var guide = WebUtility.HtmlDecode(await client.GetStringAsync($"/items/{ProjectApproval}"));
        var blank = $"/api/catalog/items/{ProjectApproval}/materials/project_application_report/blank-form";
        Assert.Contains($"href=\"{blank}\"", guide, StringComparison.Ordinal);

        using var response = await client.GetAsync(blank);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("项目申请报告.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        AssertWellFormed(pdf);
        Assert.Contains(Hex("项目申请报告"), Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.Contains(Hex("企业投资项目核准"), Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.DoesNotContain(Hex("样表"), Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);

        var sample = Encoding.Latin1.GetString(await client.GetByteArrayAsync($"/api/catalog/items/{ProjectApproval}/materials/project_application_report/sample"));
        Assert.Contains(Hex("样表"), sample, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/catalog/items/{ProjectApproval}/materials/m2/blank-form")).StatusCode); // 营业执照 has none
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/catalog/items/{ProjectApproval}/materials/m9/sample")).StatusCode);
    }

    /// <summary>A PDF whose cross-reference table points at each of its objects, so any reader can open it.</summary>
    private static void AssertWellFormed(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-1.7", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", text, StringComparison.Ordinal);
        var xref = int.Parse(Regex.Match(text, @"startxref\n(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.StartsWith("xref", text[xref..], StringComparison.Ordinal);
        var offsets = Regex.Matches(text[xref..], @"(\d{10}) 00000 n").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(offsets);
        for (var i = 0; i < offsets.Count; i++) Assert.StartsWith($"{i + 1} 0 obj", text[offsets[i]..], StringComparison.Ordinal);
    }

    private static string Hex(string text) => string.Concat(text.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture)));

    [GeneratedRegex("id=\"apply-in-person\"[\\s\\S]*href=\"/halls/city-centre\"")]
    private static partial Regex InPersonHall();
}
