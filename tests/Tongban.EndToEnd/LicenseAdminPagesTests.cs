using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tongban.Licenses.Contracts;

namespace Tongban.EndToEnd;

/// <summary>
/// The license administrator's pages on a 360 px phone, in Chinese and in English with large text: no internal key on
/// screen, nothing wider than the screen, no axe-core violation — the type list, the new-type form, a type with its
/// template preview, its edit form (fields, template, case mapping), the hand-issuing form, the license search and a license's page.
/// </summary>
public sealed class LicenseAdminPagesTests(Browser browser)
{
    private const string Samr = "11211200025881318U", FoodLicence = "11100000MB0143028R003";

    [Fact]
    public async Task The_license_administrators_pages_read_fit_and_pass_axe_on_a_phone_in_both_languages_and_large_text()
    {
        var page = await browser.OpenAsync("/", width: 360);
        await Browser.StaffSignInAsync(page, "证照管理员", Samr);
        var identifier = await ImportOneAsync();
        string[] paths =
        [
            "/admin/licenses", "/admin/licenses/types", "/admin/licenses/types/new", $"/admin/licenses/types/{FoodLicence}", $"/admin/licenses/types/{FoodLicence}/edit",
            "/admin/licenses/issue", $"/admin/licenses/issue?type={FoodLicence}", "/admin/licenses/records", $"/admin/licenses/records/{identifier}",
        ];
        await WalkAsync(page, paths);
        await page.GotoAsync(browser.BaseUrl + "/preferences/language?value=en&returnUrl=%2Fadmin");
        await page.GotoAsync(browser.BaseUrl + "/preferences/display?value=elder&returnUrl=%2Fadmin");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await WalkAsync(page, paths);
    }

    private async Task WalkAsync(IPage page, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(browser.BaseUrl + path);
            Assert.True(response!.Status == 200, $"{path}: {response.Status}");
            await Browser.AssertReadableAsync(page);
            await Browser.AssertFitsAsync(page, path);
            await Browser.AssertAccessibleAsync(page);
        }
    }

    /// <summary>One 食品经营许可证 of the market regulator, through the historical import (the test host loads none).</summary>
    private async Task<string> ImportOneAsync()
    {
        var number = "JY" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();
        var csv = "type_code,issuer_code,number,holder_code,holder_name,issued_on,valid_until,operator,legal_representative,address,business_form,activities\n" +
            $"{FoodLicence},{Samr},{number},91211221TB000001X2,铁岭县通办示范商贸有限公司,2024-04-01,2029-03-31,铁岭县通办示范商贸有限公司,张建国,铁岭县新台子镇懿路村88号,食品销售经营者,预包装食品销售\n";
        await using var scope = browser.Services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<ILicenseHistory>()
            .ImportAsync(new HistoryImportRequest("e2e.csv", () => new MemoryStream(Encoding.UTF8.GetBytes(csv)), false, "user:e2e"), null, CancellationToken.None);
        Assert.Equal(1, summary.Imported);
        var list = await scope.ServiceProvider.GetRequiredService<ILicenseLibrary>().ListAsync(FoodLicence, "91211221TB000001X2", "cli:e2e", CancellationToken.None);
        return Assert.Single(list);
    }
}
