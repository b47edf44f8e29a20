namespace Tongban.Kernel.Security;

/// <summary>
/// The forms an actor takes in records, brought to one: <c>user:{guid}</c> (also written <c>account:{guid}</c> or a bare
/// id, as the registries' access log names whom a read was for), <c>user:dev:{name}</c> (the development sign-in),
/// <c>client:{id}</c> (a bare client id, as the access log names a calling system), <c>module:{name}</c>, <c>cli:{user}</c>,
/// <c>system</c>, <c>anonymous</c>; and <c>{agent} for {principal}</c>.
/// </summary>
public static class ActorRef
{
    private const string For = " for ";

    public static string Normalize(string actor)
    {
        var a = actor.Trim();
        if (Guid.TryParse(a, out var bare)) return $"user:{bare}";
        if (a.StartsWith("account:", StringComparison.Ordinal)) return "user:" + a["account:".Length..];
        if (a.StartsWith("dev:", StringComparison.Ordinal)) return "user:" + a;
        if (a is Actor.System or Actor.Anonymous || a.Contains(':', StringComparison.Ordinal)) return a;
        return a.Length == 0 ? Actor.Anonymous : $"client:{a}";
    }

    /// <summary>The agent and the principal of <c>{agent} for {principal}</c>, else the actor alone.</summary>
    public static IEnumerable<string> Parts(string actor) =>
        actor.IndexOf(For, StringComparison.Ordinal) is var at and >= 0 ? [actor[..at], actor[(at + For.Length)..]] : [actor];

    public static Guid? AccountId(string actor) =>
        Normalize(actor) is var a && a.StartsWith("user:", StringComparison.Ordinal) && Guid.TryParse(a.AsSpan(5), out var id) ? id : null;

    public static string? ClientId(string actor) =>
        Normalize(actor) is var a && a.StartsWith("client:", StringComparison.Ordinal) ? a["client:".Length..] : null;

    public static string? DevelopmentName(string actor) =>
        Normalize(actor) is var a && a.StartsWith("user:dev:", StringComparison.Ordinal) ? a["user:dev:".Length..] : null;
}
