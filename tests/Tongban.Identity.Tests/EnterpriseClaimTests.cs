using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Data;

namespace Tongban.Identity.Tests;

/// <summary>
/// Issue #16 item 1: registering an enterprise proves the link — the legal-entity registry's legal representative is the
/// signed-in person, at L2 or above; where the registry cannot say, the claim waits for a window and blocks no one; a
/// wrongly held registration gives way to the rightful one, or is revoked at a window with a reason.
/// </summary>
public sealed class EnterpriseClaimTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task Neither_a_level_1_citizen_nor_a_verified_one_can_take_an_enterprise_the_registry_gives_to_another_person(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (representativeId, _, _) = await app.RegisterAsync("法人甲");
        var (_, _, stranger) = await app.RegisterAsync("路人乙");
        var code = Enterprises.NewCreditCode();
        await app.RecordInRegistryAsync(code, "甲乙商贸有限公司", "法人甲", representativeId);

        using var atLevel1 = await stranger.ClaimAsync(code, "甲乙商贸有限公司");
        Assert.Equal(HttpStatusCode.Forbidden, atLevel1.StatusCode);
        Assert.Contains("法人库登记的法定代表人不是您", People.Text(await atLevel1.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var (verifiedId, _, verified) = await app.RegisterAsync("路人丙");
        await app.VerifyInPersonAsync(verifiedId, "路人丙");
        using var atLevel3 = await verified.ClaimAsync(code, "甲乙商贸有限公司");
        Assert.Equal(HttpStatusCode.Forbidden, atLevel3.StatusCode);
        Assert.Null(await stranger.StatusAsync(code));
        Assert.Null(await verified.StatusAsync(code));
    }

    [Theory, DatabaseLanes]
    public async Task The_registrys_representative_registers_at_L2_only_once_verified_and_a_pending_claim_of_another_gives_way(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (representativeId, _, representative) = await app.RegisterAsync("法人丁");
        var (_, squatterPhone, squatter) = await app.RegisterAsync("抢注戊");
        var code = Enterprises.NewCreditCode();

        // The registry does not know the code yet: the other person's claim waits for a window and blocks no one.
        using (var early = await squatter.ClaimAsync(code, "丁戊科技有限公司")) Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Equal("pending", await squatter.StatusAsync(code));

        await app.RecordInRegistryAsync(code, "丁戊科技有限公司", "法人丁", representativeId);
        using (var level1 = await representative.ClaimAsync(code, "丁戊科技有限公司"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, level1.StatusCode);
            Assert.Contains("二级实名认证", People.Text(await level1.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        await app.VerifyInPersonAsync(representativeId, "法人丁");
        using (var proven = await representative.ClaimAsync(code, "丁戊科技有限公司")) Assert.Equal(HttpStatusCode.Redirect, proven.StatusCode);

        Assert.Equal("verified", await representative.StatusAsync(code));
        Assert.Contains("L2", People.Text(await representative.GetStringAsync("/account/enterprises")), StringComparison.Ordinal);
        Assert.Equal("revoked", await squatter.StatusAsync(code));
        Assert.Contains(await app.TextsToAsync(squatterPhone), t => t.Contains("丁戊科技有限公司", StringComparison.Ordinal) && t.Contains("登记已撤销", StringComparison.Ordinal));
        Assert.True(await AuditedAsync(app, "identity.enterprise_claim_revoked", code));
        Assert.True(await AuditedAsync(app, "identity.enterprise_registered", code));
    }

    [Theory, DatabaseLanes]
    public async Task A_claim_the_registry_cannot_prove_waits_for_a_window_where_a_clerk_verifies_it_and_only_then_are_agents_invited(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (claimantId, _, claimant) = await app.RegisterAsync("申请己");
        var (_, otherPhone, other) = await app.RegisterAsync("申请庚");
        var (agentId, _, _) = await app.RegisterAsync("经办辛");
        var code = Enterprises.NewCreditCode();
        // The registry holds the entity, but no representative's ID number: it cannot say either.
        await app.RecordInRegistryAsync(code, "己庚农业合作社", "申请己", representativeIdNumber: null);

        using (await claimant.ClaimAsync(code, "己庚农业合作社")) { }
        using (await other.ClaimAsync(code, "己庚农业合作社")) { }
        Assert.Equal(("pending", "pending"), (await claimant.StatusAsync(code), await other.StatusAsync(code)));
        var clerk = await app.ClerkAsync();
        var claimId = await clerk.ClaimIdAsync(code, claimantId);
        using (var tooEarly = await InviteAsync(claimant, claimId, agentId)) Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);

        using (var verified = await clerk.PostFormAsync("/admin/identity/enterprise-claims?code=" + code, "/admin/identity/enterprise-claims?handler=Verify", ("id", claimId), ("Code", code)))
            Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);

        Assert.Equal(("verified", "revoked"), (await claimant.StatusAsync(code), await other.StatusAsync(code)));
        Assert.Contains("L3", People.Text(await claimant.GetStringAsync("/account/enterprises")), StringComparison.Ordinal);
        using (var invited = await InviteAsync(claimant, claimId, agentId)) Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.True(await AuditedAsync(app, "identity.enterprise_verified", code));
        Assert.Contains(await app.TextsToAsync(otherPhone), t => t.Contains("己庚农业合作社", StringComparison.Ordinal) && t.Contains("登记已撤销", StringComparison.Ordinal));
    }

    [Theory, DatabaseLanes]
    public async Task A_clerk_revokes_a_wrongly_held_registration_only_with_a_reason_and_the_holder_loses_it(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (holderId, holderPhone, holder) = await app.RegisterAsync("误登壬");
        var code = Enterprises.NewCreditCode();
        using (await holder.ClaimAsync(code, "壬癸物流有限公司")) { }
        var clerk = await app.ClerkAsync();
        var claimId = await clerk.ClaimIdAsync(code, holderId);
        using (await clerk.PostFormAsync("/admin/identity/enterprise-claims?code=" + code, "/admin/identity/enterprise-claims?handler=Verify", ("id", claimId), ("Code", code))) { }
        Assert.Equal("verified", await holder.StatusAsync(code));
        Assert.Contains(code, await RepresentedAsync(app, holderId));

        using (var noReason = await clerk.PostFormAsync("/admin/identity/enterprise-claims?code=" + code, "/admin/identity/enterprise-claims?handler=Revoke", ("id", claimId), ("Code", code), ("Reason", " ")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
            Assert.Contains("请填写撤销原因", People.Text(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        Assert.Equal("verified", await holder.StatusAsync(code));
        using (var revoked = await clerk.PostFormAsync("/admin/identity/enterprise-claims?code=" + code, "/admin/identity/enterprise-claims?handler=Revoke",
            ("id", claimId), ("Code", code), ("Reason", "营业执照显示法定代表人为他人")))
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        Assert.Equal("revoked", await holder.StatusAsync(code));
        Assert.DoesNotContain(code, await RepresentedAsync(app, holderId)); // applications no longer offer it to act for
        Assert.Contains("营业执照显示法定代表人为他人", People.Text(await holder.GetStringAsync("/account/enterprises")), StringComparison.Ordinal);
        Assert.True(await AuditedAsync(app, "identity.enterprise_claim_revoked", code));
        Assert.Contains(await app.TextsToAsync(holderPhone), t => t.Contains("营业执照显示法定代表人为他人", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> InviteAsync(HttpClient representative, string enterpriseId, string agentIdNumber)
    {
        var expires = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return representative.PostFormAsync("/account/enterprises", "/account/enterprises?handler=Invite",
            ("EnterpriseId", enterpriseId), ("AgentIdNumber", agentIdNumber), ("Scopes", "apply"), ("ExpiresOn", expires));
    }

    /// <summary>The enterprises applications let the person act for (<see cref="IAccountDirectory.RepresentedEnterprisesAsync"/>).</summary>
    private static async Task<IReadOnlyList<string>> RepresentedAsync(TongbanApp app, string idNumber)
    {
        using var scope = app.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountDirectory>();
        var account = await accounts.FindByIdNumberAsync(idNumber, default) ?? throw new InvalidOperationException("No account for the test person");
        return [.. (await accounts.RepresentedEnterprisesAsync(account.Id, default)).Select(e => e.CreditCode)];
    }

    private static async Task<bool> AuditedAsync(TongbanApp app, string action, string creditCode)
    {
        await app.DrainOutboxAsync();
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<KernelDbContext>().AuditEntries.AnyAsync(e => e.Action == action && e.Subject == "enterprise:" + creditCode);
    }
}
