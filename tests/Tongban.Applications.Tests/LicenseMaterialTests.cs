using System.Net;
using System.Net.Http.Json;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>
/// A license offered in place of a material only where a published license type replaces it. These apps load no
/// license types (their test catalog's items are not the demo's), so no material may be replaced: nothing is offered,
/// and asking for a license anyway is refused by name with nothing attached and no case made.
/// </summary>
public sealed class LicenseMaterialTests(ApplicationsApps apps)
{
    [Theory, DatabaseLanes]
    public async Task Where_no_license_type_replaces_a_material_none_is_offered_and_asking_for_one_is_refused(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var page = $"/apply/{TestCatalog.Simple}";
        Assert.DoesNotContain("使用我的电子证照", await citizen.Client.GetStringAsync(page), StringComparison.Ordinal);

        using var offered = await citizen.Client.PostFormAsync(page, $"{page}?handler=OfferLicense&key=id-card");
        var location = offered.Headers.Location?.OriginalString ?? "";
        var draft = System.Text.RegularExpressions.Regex.Match(location, "draft=([0-9a-fA-F-]{36})").Groups[1].Value;
        Assert.NotEmpty(draft);
        Assert.DoesNotContain("电子证照预览", await citizen.Client.GetStringAsync($"{page}?draft={draft}&license=id-card"), StringComparison.Ordinal);
        using var used = await citizen.Client.PostFormAsync($"{page}?draft={draft}", $"{page}?draft={draft}&handler=UseLicense&key=id-card",
            ("license-id-card", "1.2.156.3005.2.11100000095986561A002.11211200061012195B.2026000001.001.X"), ("agree-license-id-card", "true"));
        Assert.Equal(HttpStatusCode.Conflict, used.StatusCode);
        Assert.Contains("不能用电子证照代替", WebUtility.HtmlDecode(await used.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        var materials = (await (await citizen.Client.GetAsync($"/api/applications/drafts/{draft}")).JsonAsync()).GetProperty("materials");
        Assert.Equal(0, materials.GetArrayLength());

        var clerk = await app.SignInAsync("窗口证照", new StaffScope(TestCatalog.Department, null, []), Policies.WindowClerk);
        using var walkIn = await clerk.PostAsJsonAsync("/api/applications/walk-ins", new
        {
            idNumber = citizen.IdNumber, itemCode = TestCatalog.Simple, key = Guid.NewGuid().ToString("N"), window = "A3", licenses = new[] { "id-card" },
            application = new { form = TestCatalog.ValidForm, materials = TestCatalog.AllMaterials },
        });
        Assert.Equal("material.no_license_type", await walkIn.ProblemCodeAsync(HttpStatusCode.Conflict));
        var cases = await (await citizen.Client.GetAsync("/api/applications/my/cases")).JsonAsync();
        Assert.Equal(0, cases.GetProperty("cases").GetArrayLength());
    }
}
