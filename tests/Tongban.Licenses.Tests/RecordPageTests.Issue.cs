using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Licenses.Tests;

/// <summary>Issuing by hand on the admin page: a form built from the type's fields, in the officer's department's name only.</summary>
public sealed partial class RecordPageTests
{
    private const string IssuePage = "/admin/licenses/issue";
    private static readonly string FoodForm = $"{IssuePage}?type={Samples.FoodLicence}";

    private static (string, string)[] Food(string holder, params (string, string)[] more) =>
    [
        ("Input.Once", Guid.NewGuid().ToString()), ("Input.HolderCode", holder), ("Input.HolderName", "铁岭县通办示范商贸有限公司"), ("Input.IssuedOn", "2026-11-02"),
        ("Input.Fields[operator]", "铁岭县通办示范商贸有限公司"), ("Input.Fields[legal_representative]", "张建国"), ("Input.Fields[address]", "铁岭县新台子镇懿路村88号"),
        ("Input.Fields[business_form]", "食品销售经营者"), ("Input.Fields[activities]", "预包装食品销售"), .. more,
    ];

    [Theory, DatabaseLanes]
    public async Task A_license_issued_on_the_page_from_the_types_fields_is_sealed_in_the_officers_department_and_a_double_post_issues_one(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        Assert.Contains("食品经营许可证", WebUtility.HtmlDecode(await admin.GetStringAsync(IssuePage)), StringComparison.Ordinal);
        var form = WebUtility.HtmlDecode(await admin.GetStringAsync(FoodForm));
        Assert.Contains("经营者名称", form, StringComparison.Ordinal); // a field of the type, by its label

        var fields = Food("91211221TB000001X2");
        using var issued = await admin.PostFormAsync(FoodForm, FoodForm, fields);
        using var again = await admin.PostFormAsync(FoodForm, FoodForm, fields);

        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Equal(issued.Headers.Location, again.Headers.Location);
        var identifier = Uri.UnescapeDataString(issued.Headers.Location!.OriginalString["/admin/licenses/records/".Length..]);
        var license = await (await admin.GetAsync($"/api/licenses/admin/licenses/{identifier}")).JsonAsync();
        Assert.Equal(Samples.Samr, license.GetProperty("issuerCode").GetString());
        Assert.Equal("2026-11-02", license.GetProperty("issuedOn").GetString());
        Assert.Equal("01", await StatusAsync(admin, identifier));
        Assert.Contains(await app.AuditOfAsync($"license:{identifier}"), a => a.Action == "licenses.issued");
    }

    [Theory, DatabaseLanes]
    public async Task A_hand_issue_with_a_wrong_holder_code_and_a_missing_field_is_refused_inline_naming_both_and_nothing_is_issued(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var before = await CountAsync(app);

        using var refused = await admin.PostFormAsync(FoodForm, FoodForm, [.. Food("91211221TB000001X3").Where(f => f.Item1 != "Input.Fields[address]")]);

        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("统一社会信用代码不正确", html, StringComparison.Ordinal);
        Assert.Contains("请填写", html, StringComparison.Ordinal); // the required address, named beside its input
        Assert.Contains("value=\"张建国\"", html, StringComparison.Ordinal); // what was typed comes back
        Assert.Equal(before, await CountAsync(app));
    }

    [Theory, DatabaseLanes]
    public async Task Someone_of_another_authority_or_region_wide_is_refused_issuing_a_type_they_do_not_issue_and_nothing_is_issued(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (psb, regionWide) = (await app.LicenseAdminAsync(Samples.Psb), await app.SignInAsync("全市证照管理员", Kernel.Security.Policies.LicenseAdministrator));
        var before = await CountAsync(app);

        using var other = await psb.PostFormAsync(FoodForm, FoodForm, Food("91211221TB000001X2"));
        using var wide = await regionWide.PostFormAsync(FoodForm, FoodForm, Food("91211221TB000001X2"));

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("不是该证照类型的颁发机构", WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, wide.StatusCode);
        Assert.Contains("不代表任何颁发机构", WebUtility.HtmlDecode(await regionWide.GetStringAsync(IssuePage)), StringComparison.Ordinal);
        Assert.DoesNotContain("食品经营许可证", WebUtility.HtmlDecode(await psb.GetStringAsync(IssuePage)), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(app));
    }

    [Theory, DatabaseLanes]
    public async Task Hostile_text_in_the_issuing_form_is_refused_or_issued_whole_never_a_server_error(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var (before, issued) = (await CountAsync(app), 0);
        foreach (var input in Fuzz.Strings("91211221TB000001X2", mutations: 12, seed: lane == DatabaseLane.Sqlite ? 5 : 7))
        {
            var form = Food(input).Where(f => f.Item1 is not ("Input.HolderCode" or "Input.Fields[address]")).Append(("Input.HolderCode", input)).Append(("Input.Fields[address]", input));
            using var response = await admin.PostFormAsync(FoodForm, FoodForm, [.. form]);
            await Fuzz.AssertHandledAsync(response, input, HttpStatusCode.Redirect, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity);
            if (response.StatusCode == HttpStatusCode.Redirect) issued++; // a mutation that only changed a letter's case is still the valid code
        }
        Assert.Equal(before + issued, await CountAsync(app));
    }

    /// <summary>How many licenses the library holds.</summary>
    private static async Task<int> CountAsync(TongbanApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Data.LicensesDbContext>().Licenses.CountAsync();
    }
}
