using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;

namespace Tongban.Identity.Tests;

public sealed class StaffAdministrationTests(LaneApps lanes)
{
    private const string Resident = "211221197503149021";

    private const string Tieling = "211221000000";
    private const string Yinzhou = "211202000000";

    private static Task<HttpResponseMessage> EditAsync(HttpClient admin, Guid id, string handler, params (string, string)[] fields) =>
        admin.PostFormAsync($"/admin/identity/accounts/{id}", $"/admin/identity/accounts/{id}" + (handler.Length > 0 ? $"?handler={handler}" : ""), fields);

    [Theory, DatabaseLanes]
    public async Task An_administrator_changes_roles_and_divisions_and_the_persons_sessions_end_so_the_next_sign_in_carries_them(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var staff = await TestStaff.CreateAsync(app, "改角色甲", Policies.CatalogAdministrator, ("Input.DepartmentCode", "11211200061416624L"));
        var session = await TestStaff.SignInAsync(app, staff.IdNumber);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/admin/catalog")).StatusCode);

        var admin = await app.SignInAsync("系统管理员", Policies.SystemAdministrator);
        using var saved = await EditAsync(admin, staff.Id, "", ("Input.DepartmentCode", "11211200061416624L"), ("Input.DivisionScope", Tieling), ("Input.Roles", Policies.DataAdministrator));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var ended = await session.GetAsync("/admin/catalog");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("/sign-in", ended.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var page = People.Text(await admin.GetStringAsync($"/admin/identity/accounts/{staff.Id}"));
        Assert.Contains($"value=\"{Tieling}\"", page, StringComparison.Ordinal);
        Assert.Matches($"value=\"{Policies.DataAdministrator}\" checked", page);
        Assert.DoesNotMatch($"value=\"{Policies.CatalogAdministrator}\" checked", page);

        using var noRoles = await EditAsync(admin, staff.Id, "", ("Input.DepartmentCode", "11211200061416624L"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noRoles.StatusCode);
        Assert.Contains("请至少选择一个角色", People.Text(await noRoles.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await app.DrainOutboxAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<KernelDbContext>().AuditEntries
            .Where(e => e.Action == "identity.staff_updated" && e.Subject == $"account:{ResidentIdNumber.Mask(staff.IdNumber)}").ToListAsync();
        Assert.Contains(audit, e => e.Actor == "user:dev:系统管理员" && e.Details!.Contains(Policies.DataAdministrator, StringComparison.Ordinal));
    }

    [Theory, DatabaseLanes]
    public async Task A_deactivated_account_cannot_sign_in_its_sessions_end_and_reactivation_restores_it(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var staff = await TestStaff.CreateAsync(app, "停用乙", Policies.Reviewer, ("Input.DepartmentCode", "11211200061416624L"));
        var session = await TestStaff.SignInAsync(app, staff.IdNumber);
        var admin = await app.SignInAsync("系统管理员", Policies.SystemAdministrator);

        using var deactivated = await EditAsync(admin, staff.Id, "Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.Contains("账号已停用", People.Text(await admin.GetStringAsync($"/admin/identity/accounts/{staff.Id}")), StringComparison.Ordinal);
        using var ended = await session.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        using var refused = await app.Browser().PasswordSignInAsync(staff.IdNumber, People.Password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("账号或密码不正确", People.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var twice = await EditAsync(admin, staff.Id, "Deactivate");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        using var reactivated = await EditAsync(admin, staff.Id, "Reactivate");
        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        using var back = await app.Browser().PasswordSignInAsync(staff.IdNumber, People.Password);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode); // the authenticator step follows
        Assert.Contains("name=\"Ticket\"", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await app.DrainOutboxAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var actions = await scope.ServiceProvider.GetRequiredService<KernelDbContext>().AuditEntries
            .Where(e => e.Subject == $"account:{ResidentIdNumber.Mask(staff.IdNumber)}").Select(e => e.Action).ToListAsync();
        Assert.Contains("identity.staff_deactivated", actions);
        Assert.Contains("identity.staff_reactivated", actions);
    }

    [Theory, DatabaseLanes]
    public async Task A_county_administrator_lists_and_manages_only_staff_of_the_county_and_gives_no_wider_scope(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var inCounty = await TestStaff.CreateAsync(app, "县内丙", Policies.WindowClerk, ("Input.DepartmentCode", "11211200061416624L"), ("Input.DivisionScope", "211221101000"));
        var elsewhere = await TestStaff.CreateAsync(app, "县外丁", Policies.WindowClerk, ("Input.DepartmentCode", "11211200061416624L"), ("Input.DivisionScope", Yinzhou));
        var regionWide = await TestStaff.CreateAsync(app, "全市戊", Policies.WindowClerk, ("Input.DepartmentCode", "11211200061416624L"));
        var county = await app.SignInAsync("县管理员", new StaffScope(null, null, [Tieling]), Policies.SystemAdministrator);

        var list = People.Text(await county.GetStringAsync("/admin/identity/accounts"));
        Assert.Contains("县内丙", list, StringComparison.Ordinal);
        Assert.DoesNotContain("县外丁", list, StringComparison.Ordinal);
        Assert.DoesNotContain("全市戊", list, StringComparison.Ordinal);
        Assert.DoesNotContain("张建国", list, StringComparison.Ordinal); // citizens are not theirs either

        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/admin/identity/accounts/{elsewhere.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/admin/identity/accounts/{regionWide.Id}")).StatusCode);
        using var widen = await EditAsync(county, inCounty.Id, "", ("Input.DepartmentCode", "11211200061416624L"), ("Input.DivisionScope", Yinzhou), ("Input.Roles", Policies.WindowClerk));
        Assert.Equal(HttpStatusCode.Forbidden, widen.StatusCode);
        Assert.Contains("本辖区", People.Text(await widen.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var createWide = await county.PostFormAsync("/admin/identity/accounts", "/admin/identity/accounts",
            ("Input.IdNumber", People.NewIdNumber()), ("Input.Name", "越权己"), ("Input.Phone", People.NewPhone()), ("Input.Password", People.Password),
            ("Input.DepartmentCode", "11211200061416624L"), ("Input.Roles", Policies.WindowClerk));
        Assert.Equal(HttpStatusCode.Forbidden, createWide.StatusCode);
        using var deactivateInCounty = await EditAsync(county, inCounty.Id, "Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, deactivateInCounty.StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task A_scoped_station_agent_verifies_in_person_only_people_whose_household_is_in_scope(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        // 赵玉梅 (a fixed demo resident without a demo account) is registered in 铁岭县 (211221101200) in the population
        // registry. Not a demo account: raising one to L3 would change what other tests of the shared app see.
        await app.RegisterCitizenAsync("赵玉梅", Resident);
        var otherCounty = await app.SignInAsync("银州代办员", new StaffScope(null, "tlx-xintaizi", [Yinzhou]), Policies.StationAgent);
        using var refused = await otherCounty.PostFormAsync("/admin/identity/verify-in-person", "/admin/identity/verify-in-person", ("IdNumber", Resident), ("Name", "赵玉梅"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("户籍不在您负责的行政区划内", People.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var sameCounty = await app.SignInAsync("铁岭县代办员", new StaffScope(null, "tlx-xintaizi", [Tieling]), Policies.StationAgent);
        using var verified = await sameCounty.PostFormAsync("/admin/identity/verify-in-person", "/admin/identity/verify-in-person", ("IdNumber", Resident), ("Name", "赵玉梅"));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Contains("三级实名", People.Text(await verified.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Someone the population registry does not hold: only a region-wide colleague verifies them.
        var (stranger, _, _) = await app.RegisterAsync("外地人");
        using var noHousehold = await sameCounty.PostFormAsync("/admin/identity/verify-in-person", "/admin/identity/verify-in-person", ("IdNumber", stranger), ("Name", "外地人"));
        Assert.Equal(HttpStatusCode.Forbidden, noHousehold.StatusCode);
        var regionWide = await app.SignInAsync("市窗口", Policies.WindowClerk);
        using var byRegion = await regionWide.PostFormAsync("/admin/identity/verify-in-person", "/admin/identity/verify-in-person", ("IdNumber", stranger), ("Name", "外地人"));
        Assert.Equal(HttpStatusCode.OK, byRegion.StatusCode);
    }
}
