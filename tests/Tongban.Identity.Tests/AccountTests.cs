using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Identity.Data;
using Tongban.Identity.Passwords;
using Tongban.Kernel.Security;
using Tongban.Kernel.PersonalData;

namespace Tongban.Identity.Tests;

public sealed class AccountTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task An_old_PBKDF2_hash_is_upgraded_to_Argon2id_at_sign_in(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, _) = await app.RegisterAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            var account = await db.Users.WhereMatches(a => a.IdNumber, id).SingleAsync();
            account.PasswordHash = new PasswordHasher<Account>().HashPassword(account, People.Password);
            await db.SaveChangesAsync();
        }
        using var signIn = await app.Browser().PasswordSignInAsync(id, People.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var hash = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Users.WhereMatches(a => a.IdNumber, id).Select(a => a.PasswordHash).SingleAsync();
            Assert.Equal(Argon2Cost.Owasp, Argon2idPasswordHasher.CostOf(hash!));
        }
    }

    [Theory, DatabaseLanes]
    public async Task The_demo_citizen_is_at_L2_and_represents_the_demo_enterprise_which_is_L2(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var client = app.Browser();
        using var signIn = await client.PasswordSignInAsync("211221196805129013", "Tongban-Demo-2026");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("L2", People.Text(await client.GetStringAsync("/account")), StringComparison.Ordinal);
        var enterprises = People.Text(await client.GetStringAsync("/account/enterprises"));
        Assert.Contains("铁岭县通办示范商贸有限公司", enterprises, StringComparison.Ordinal);
        Assert.Contains("L2", enterprises, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_representative_registers_an_enterprise_verified_at_a_window_invites_an_agent_with_scopes_and_removes_them(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (representativeId, _, representative) = await app.RegisterAsync("代表人");
        var (agentId, _, _) = await app.RegisterAsync("经办人");
        var first17 = "91110000" + Random.Shared.Next(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        var code = first17 + Kernel.Identifiers.CreditCode.CheckCharacter(first17);

        using var bad = await representative.PostFormAsync("/account/enterprises", "/account/enterprises?handler=Register", ("CreditCode", code[..17] + (code[17] == '0' ? '1' : '0')), ("EnterpriseName", "测试公司"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("校验位错误", People.Text(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var registered = await representative.PostFormAsync("/account/enterprises", "/account/enterprises?handler=Register", ("CreditCode", code), ("EnterpriseName", "测试公司"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        // The registry does not know the code: a window clerk verifies the claim before it can have agents.
        var clerk = await app.ClerkAsync();
        using (var verified = await clerk.PostFormAsync("/admin/identity/enterprise-claims?code=" + code, "/admin/identity/enterprise-claims?handler=Verify",
            ("id", await clerk.ClaimIdAsync(code, representativeId)), ("Code", code)))
            Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        var page = await representative.GetStringAsync("/account/enterprises");
        var enterpriseId = System.Text.RegularExpressions.Regex.Match(page, "name=\"EnterpriseId\" value=\"([^\"]+)\"").Groups[1].Value;

        var expires = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var invited = await representative.PostFormAsync("/account/enterprises", "/account/enterprises?handler=Invite",
            ("EnterpriseId", enterpriseId), ("AgentIdNumber", agentId), ("Scopes", "apply"), ("Scopes", "track"), ("ExpiresOn", expires));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        page = People.Text(await representative.GetStringAsync("/account/enterprises"));
        Assert.Contains("经办人（" + Kernel.Identifiers.ResidentIdNumber.Mask(agentId) + "）", page, StringComparison.Ordinal);
        Assert.DoesNotContain(agentId, page, StringComparison.Ordinal);

        using var expired = await representative.PostFormAsync("/account/enterprises", "/account/enterprises?handler=Invite",
            ("EnterpriseId", enterpriseId), ("AgentIdNumber", (await app.RegisterAsync()).IdNumber), ("Scopes", "apply"), ("ExpiresOn", "2020-01-01"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, expired.StatusCode);

        var agentAccount = System.Text.RegularExpressions.Regex.Match(await representative.GetStringAsync("/account/enterprises"), "name=\"agent\" value=\"([^\"]+)\"").Groups[1].Value;
        using var removed = await representative.PostFormAsync("/account/enterprises", "/account/enterprises?handler=Remove", ("EnterpriseId", enterpriseId), ("agent", agentAccount));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain(Kernel.Identifiers.ResidentIdNumber.Mask(agentId), People.Text(await representative.GetStringAsync("/account/enterprises")), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_window_clerk_verifies_a_person_in_person_to_L3_and_other_roles_may_not(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, citizen) = await app.RegisterAsync("现场");
        var reviewer = await app.SignInAsync("审查", Policies.Reviewer);
        using var refused = await reviewer.GetAsync("/admin/identity/verify-in-person");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("403", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var clerk = await app.SignInAsync("窗口", Policies.WindowClerk);
        using var wrongName = await clerk.PostFormAsync("/admin/identity/verify-in-person", "/admin/identity/verify-in-person", ("IdNumber", id), ("Name", "别人"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongName.StatusCode);
        using var verified = await clerk.PostFormAsync("/admin/identity/verify-in-person", "/admin/identity/verify-in-person", ("IdNumber", id), ("Name", "现场"));
        Assert.Contains("三级实名", People.Text(await verified.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("L3", People.Text(await citizen.GetStringAsync("/account")), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task The_registration_API_answers_bad_input_with_ProblemDetails_naming_the_field(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        using var response = await app.CreateClient().PostAsJsonAsync("/api/identity/accounts", new { idNumber = "110105194912310021", name = "", phone = "12", password = "123456789" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("id_number", body, StringComparison.Ordinal);
        Assert.Contains("phone", body, StringComparison.Ordinal);

        using var created = await app.CreateClient().PostAsJsonAsync("/api/identity/accounts", new { idNumber = People.NewIdNumber(), name = "接口", phone = People.NewPhone(), password = People.Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}
