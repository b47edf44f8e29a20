using System.Security.Claims;

namespace Tongban.Kernel.Security;

/// <summary>Who did something, as the audit chain names them.</summary>
public static class Actor
{
    public static string Of(ClaimsPrincipal? user) =>
        user?.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } id ? $"user:{id}" : Anonymous;

    /// <summary>
    /// An agent acting in a principal's name under a proxy authorisation (代办): both identities, e.g.
    /// <c>user:{agent} for user:{principal}</c>. Record this on everything the agent does for the principal.
    /// </summary>
    public static string OnBehalfOf(ClaimsPrincipal? agent, Guid principalAccountId) => $"{Of(agent)} for user:{principalAccountId}";

    /// <summary>The principal's account id in an actor written by <see cref="OnBehalfOf"/>, or null when the actor acted for no one.</summary>
    public static Guid? PrincipalOf(string actor) =>
        actor.LastIndexOf(" for user:", StringComparison.Ordinal) is var at and >= 0 && Guid.TryParse(actor.AsSpan(at + 10), out var id) ? id : null;

    public static string CommandLine => $"cli:{Environment.UserName}";

    public const string System = "system";

    /// <summary>Someone not signed in, e.g. a failed sign-in for no account.</summary>
    public const string Anonymous = "anonymous";
}
