using Tongban.Identity.Domain;
using Tongban.Kernel.Errors;

namespace Tongban.Identity.Tests;

public sealed class ProxyAuthorisationDomainTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Principal = Guid.CreateVersion7();
    private static readonly Guid Agent = Guid.CreateVersion7();

    private static ProxyAuthorisation Grant(string[]? items = null, DateOnly? until = null, Guid? agent = null) =>
        ProxyAuthorisation.Grant(Principal, agent ?? Agent, items ?? ["ITEM0001"], until ?? Today.AddDays(30), Today, Now);

    private static IEnumerable<string> Codes(Action act) => Assert.Throws<DomainException>(act).Errors.Select(e => e.Code);

    [Fact]
    public void A_grant_is_in_force_for_its_items_until_its_date_and_then_expires()
    {
        var proxy = Grant(["ITEM0001", " ITEM0002 ", "ITEM0001"]);
        Assert.Equal(["ITEM0001", "ITEM0002"], proxy.ItemCodes);
        Assert.True(proxy.Allows("ITEM0002", Today.AddDays(30)));
        Assert.False(proxy.Allows("ITEM0003", Today));
        Assert.Equal(ProxyStatus.Expired, proxy.StatusOn(Today.AddDays(31)));
        Assert.False(proxy.Allows("ITEM0001", Today.AddDays(31)));
    }

    [Fact]
    public void Authorising_yourself_no_items_a_malformed_code_a_past_date_and_more_than_a_year_are_refused()
    {
        Assert.Contains("proxy.self", Codes(() => Grant(agent: Principal)));
        Assert.Contains("proxy.items", Codes(() => Grant(items: [" ", ""])));
        Assert.Contains("proxy.item_code", Codes(() => Grant(items: ["ITEM 1/2"])));
        Assert.Contains("proxy.until_past", Codes(() => Grant(until: Today.AddDays(-1))));
        Assert.Contains("proxy.until_far", Codes(() => Grant(until: Today.AddDays(ProxyAuthorisation.LongestDays + 1))));
    }

    [Fact]
    public void A_grant_on_a_request_records_its_basis_and_granter_keeps_the_principals_rules_and_ends_once_with_the_request()
    {
        var proxy = ProxyAuthorisation.GrantOnRequest(Principal, Agent, ["ITEM0001"], Today.AddDays(180), Today, Now, "hall-agency:1", "user:clerk");
        Assert.Equal(("hall-agency:1", "user:clerk"), (proxy.Basis, proxy.GrantedBy));
        Assert.True(proxy.Allows("ITEM0001", Today));
        Assert.Contains("proxy.self", Codes(() => ProxyAuthorisation.GrantOnRequest(Principal, Principal, ["ITEM0001"], Today, Today, Now, "hall-agency:1", "user:clerk")));
        Assert.Contains("proxy.until_far", Codes(() => ProxyAuthorisation.GrantOnRequest(Principal, Agent, ["ITEM0001"], Today.AddDays(400), Today, Now, "hall-agency:1", "user:clerk")));
        Assert.Throws<ArgumentException>(() => ProxyAuthorisation.GrantOnRequest(Principal, Agent, ["ITEM0001"], Today, Today, Now, "", "user:clerk"));

        Assert.True(proxy.EndWithRequest("user:clerk", Now));
        Assert.False(proxy.EndWithRequest("user:clerk", Now)); // once
        Assert.Equal(ProxyStatus.Revoked, proxy.StatusOn(Today));
        Assert.False(proxy.Allows("ITEM0001", Today));
    }

    [Fact]
    public void Only_the_principal_revokes_and_only_once()
    {
        var proxy = Grant();
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<DomainException>(() => proxy.Revoke(Agent, "account:agent", Now)).Kind);
        proxy.Revoke(Principal, $"account:{Principal}", Now);
        Assert.Equal(ProxyStatus.Revoked, proxy.StatusOn(Today));
        Assert.False(proxy.Allows("ITEM0001", Today));
        Assert.Equal($"account:{Principal}", proxy.RevokedBy);
        Assert.Contains("proxy.revoked_already", Codes(() => proxy.Revoke(Principal, "again", Now)));
    }
}
