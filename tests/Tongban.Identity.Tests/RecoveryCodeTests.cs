using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Identity.Data;
using Tongban.Kernel.Security;

namespace Tongban.Identity.Tests;

/// <summary>ASVS 6.5.1–6.5.3 and issue #16 item 11: staff recovery codes, shown once, kept hashed, each usable once instead of the authenticator code.</summary>
public sealed class RecoveryCodeTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task Enrolment_shows_ten_recovery_codes_once_kept_as_hashes_and_each_signs_in_once_in_place_of_the_authenticator_code(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, staffId) = await TestStaff.CreateAsync(app, "恢复码员", Policies.WindowClerk, ("Input.DepartmentCode", "11211200061416624L"));
        var (client, _, codes) = await TestStaff.EnrolAsync(app, id);
        Assert.Equal(10, codes.Distinct().Count());

        var page = People.Text(await client.GetStringAsync("/account/security"));
        Assert.DoesNotContain(codes[0], page, StringComparison.Ordinal);
        Assert.Contains("剩余恢复码：10个", page, StringComparison.Ordinal);
        using (var scope = app.Services.CreateScope())
        {
            var hashes = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().RecoveryCodes.Where(c => c.AccountId == staffId).Select(c => c.Hash).ToListAsync();
            Assert.Equal(10, hashes.Count);
            Assert.All(hashes, h => Assert.StartsWith("$argon2id$", h, StringComparison.Ordinal));
            Assert.All(codes, c => Assert.DoesNotContain(hashes, h => h.Contains(c.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal)));
        }

        // Typed as a person might: lower case, a space for the dash.
        using var recovered = await app.Browser().StaffSignInAsync(id, codes[3].ToLowerInvariant().Replace('-', ' '));
        Assert.Equal("/admin", recovered.Headers.Location?.OriginalString);
        using var again = await app.Browser().StaffSignInAsync(id, codes[3]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("动态口令不正确", People.Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("剩余恢复码：9个", People.Text(await client.GetStringAsync("/account/security")), StringComparison.Ordinal);
        Assert.Equal(1, await app.AuditCountAsync("identity.recovery_code_used", id));
    }

    [Theory, DatabaseLanes]
    public async Task New_recovery_codes_wait_for_a_recent_confirmation_with_the_authenticator_and_end_the_old_ones(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, _) = await TestStaff.CreateAsync(app, "换码员", Policies.WindowClerk, ("Input.DepartmentCode", "11211200061416624L"));
        var (client, key, old) = await TestStaff.EnrolAsync(app, id);
        await app.AuthenticatedAgoAsync(id, TimeSpan.FromHours(1));

        using (var stale = await client.PostFormAsync("/account/security", "/account/security?handler=RecoveryCodes"))
            Assert.Equal("/account/confirm?ReturnUrl=%2Faccount%2Fsecurity", stale.Headers.Location?.OriginalString);
        using (var wrong = await client.PostFormAsync("/account/confirm", "/account/confirm", ("Code", "000000"), ("ReturnUrl", "/account/security")))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        // The enrolment used this step's code, which is never accepted twice; the next step's is.
        using (var confirmed = await client.PostFormAsync("/account/confirm", "/account/confirm", ("Code", Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30))), ("ReturnUrl", "/account/security")))
            Assert.Equal("/account/security", confirmed.Headers.Location?.OriginalString);

        using var fresh = await client.PostFormAsync("/account/security", "/account/security?handler=RecoveryCodes");
        var codes = Regex.Matches(await fresh.Content.ReadAsStringAsync(), "<code class=\"recovery-code\">([0-9A-Z-]{11})</code>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Empty(codes.Intersect(old));
        using (var oldCode = await app.Browser().StaffSignInAsync(id, old[0])) Assert.Equal(HttpStatusCode.UnprocessableEntity, oldCode.StatusCode);
        using (var newCode = await app.Browser().StaffSignInAsync(id, codes[0])) Assert.Equal("/admin", newCode.Headers.Location?.OriginalString);
        Assert.Equal(2, await app.AuditCountAsync("identity.recovery_codes_generated", id));
        Assert.Equal(1, await app.AuditCountAsync("identity.reauthenticated", id));
    }
}
