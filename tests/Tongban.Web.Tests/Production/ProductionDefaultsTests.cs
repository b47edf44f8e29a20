using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Seeding;

namespace Tongban.Web.Tests.Production;

/// <summary>The shipped settings in production: no demo data, no demo passwords, the first administrator made by command.</summary>
public sealed class ProductionDefaultsTests
{
    private const string DemoAdministrator = "211202198501011016"; // regions/tieling/accounts.json
    private const string DemoPassword = "Tongban-Demo-2026";
    private const string OperatingDepartment = "11211200028410570F"; // the demo region's development and reform commission

    [Theory, DatabaseLanes]
    public async Task Production_with_the_shipped_settings_loads_no_demo_data_and_the_demo_staff_cannot_sign_in(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateAsync(lane);
        await using var app = new ProductionApp(database);
        var client = app.Browser();

        var halls = JsonDocument.Parse(await client.GetStringAsync("/api/organization/halls")).RootElement;
        Assert.Equal(0, halls.GetArrayLength());
        using var demo = await client.PasswordSignInAsync(DemoAdministrator, DemoPassword);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demo.StatusCode);
        using var development = await client.GetAsync("/sign-in");
        Assert.Equal("/account/sign-in", development.Headers.Location?.OriginalString);
    }

    [Theory, DatabaseLanes]
    public async Task Production_refuses_to_start_while_a_demo_account_keeps_its_published_password(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane); // as a demo instance leaves it

        await using var app = new ProductionApp(database);
        var refusal = Assert.ThrowsAny<Exception>(() => app.Server);
        var message = (refusal as InvalidOperationException ?? refusal.InnerException)?.Message ?? "";
        Assert.Contains("Refusing to start", message, StringComparison.Ordinal);
        Assert.Contains(Kernel.Identifiers.ResidentIdNumber.Mask(DemoAdministrator), message, StringComparison.Ordinal);
        Assert.Contains("tongban identity create-admin", message, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task The_first_administrator_replaces_the_one_time_password_and_enrols_an_authenticator_before_anything_else(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateAsync(lane);
        await using var app = new ProductionApp(database);
        await LoadOrganisationAsync(app);
        var client = app.Browser();
        var (id, phone) = (TestPeople.NewIdNumber("110105"), TestPeople.NewPhone());
        var password = await CreateAdministratorAsync(app, id, phone);
        Assert.Matches("^[A-HJ-NP-Za-km-z2-9]{16}$", password);

        using var first = await client.PasswordSignInAsync(id, password);
        Assert.Equal("/account/security", first.Headers.Location?.OriginalString);
        using var admin = await client.GetAsync("/admin");
        Assert.Equal("/account/security", admin.Headers.Location?.OriginalString);
        Assert.Contains("初始密码由他人生成", await client.GetStringAsync("/account/security"), StringComparison.Ordinal);

        using var changed = await client.PostFormAsync("/account/security", "/account/security?handler=Password", ("CurrentPassword", password), ("NewPassword", TestPeople.Password));
        Assert.Equal("/account/security", changed.Headers.Location?.OriginalString);
        var key = Regex.Match(await client.GetStringAsync("/account/security"), "<code id=\"shared-key\">([A-Z2-7]+)</code>").Groups[1].Value;
        using var enrolled = await client.PostFormAsync("/account/security", "/account/security?handler=Enrol", ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode); // the recovery codes, shown once, before going on
        Assert.Contains("请保存下面的恢复码", WebUtility.HtmlDecode(await enrolled.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/identity/accounts")).StatusCode);

        using var again = await app.Browser().PasswordSignInAsync(id, password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var second = await Assert.ThrowsAsync<DomainException>(() => CreateAdministratorAsync(app, TestPeople.NewIdNumber("110105"), TestPeople.NewPhone()));
        Assert.Equal("staff.administrator_exists", second.Errors[0].Code);
    }

    private static async Task<string> CreateAdministratorAsync(ProductionApp app, string id, string phone)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IFirstAdministrator>()
            .CreateAsync(new FirstAdministrator(id, "首位管理员", phone, OperatingDepartment), CancellationToken.None);
    }

    /// <summary>The region's organisation, as an installation loads its own region pack: departments, not the demo's accounts.</summary>
    private static async Task LoadOrganisationAsync(ProductionApp app)
    {
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        var organisation = scope.ServiceProvider.GetServices<IRegionPackImporter>().Single(i => i.Name == "organization");
        await organisation.ImportAsync(RegionPack.Locate("tieling"), CancellationToken.None);
    }
}
