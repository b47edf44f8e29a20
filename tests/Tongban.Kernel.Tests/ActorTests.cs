using System.Security.Claims;
using Tongban.Kernel.Security;

namespace Tongban.Kernel.Tests;

public sealed class ActorTests
{
    private static ClaimsPrincipal User(string id) => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"));

    [Fact]
    public void An_agent_acting_for_a_principal_is_recorded_with_both_identities()
    {
        var agent = Guid.CreateVersion7();
        var principal = Guid.CreateVersion7();
        var actor = Actor.OnBehalfOf(User(agent.ToString()), principal);
        Assert.Equal($"user:{agent} for user:{principal}", actor);
        Assert.Equal(principal, Actor.PrincipalOf(actor));
    }

    [Fact]
    public void Someone_acting_in_their_own_name_has_no_principal()
    {
        Assert.Equal("user:abc", Actor.Of(User("abc")));
        Assert.Null(Actor.PrincipalOf(Actor.Of(User("abc"))));
        Assert.Null(Actor.PrincipalOf("user:abc for user:not-an-id"));
    }
}
