using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Identity.Data;
using Tongban.Kernel.Data;
using Tongban.Kernel.PersonalData;

namespace Tongban.Identity.Tests;

/// <summary>Sessions and audit records for the tests of item 11 (re-authentication, recovery codes, sign-in notices).</summary>
internal static partial class Sessions
{
    /// <summary>Makes every session of the account look as if its person last proved who they are <paramref name="ago"/> (their activity untouched).</summary>
    public static async Task AuthenticatedAgoAsync(this TongbanApp app, string idNumber, TimeSpan ago)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var account = await db.Users.WhereMatches(a => a.IdNumber, idNumber).Select(a => a.Id).SingleAsync();
        var then = DateTimeOffset.UtcNow - ago;
        await db.Sessions.Where(s => s.AccountId == account).ExecuteUpdateAsync(s => s.SetProperty(x => x.AuthenticatedAt, then));
    }

    public static async Task<int> AuditCountAsync(this TongbanApp app, string action, string idNumber)
    {
        await app.DrainOutboxAsync();
        using var scope = app.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Users.WhereMatches(a => a.IdNumber, idNumber).Select(a => a.Id).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<KernelDbContext>().AuditEntries.CountAsync(e => e.Action == action && e.Actor == $"account:{account}");
    }

    /// <summary>The staff sign-in's second step: the password gives a ticket, which goes with the code (authenticator or recovery).</summary>
    public static async Task<HttpResponseMessage> StaffSignInAsync(this HttpClient browser, string login, string code)
    {
        using var first = await browser.PasswordSignInAsync(login, People.Password);
        var ticket = System.Net.WebUtility.HtmlDecode(Ticket().Match(await first.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.NotEmpty(ticket);
        return await browser.PostFormAsync("/account/sign-in", "/account/sign-in?handler=Totp", ("Ticket", ticket), ("Code", code));
    }

    [GeneratedRegex("name=\"Ticket\" value=\"([^\"]+)\"")]
    private static partial Regex Ticket();
}
