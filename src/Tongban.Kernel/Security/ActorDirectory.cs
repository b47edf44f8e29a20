namespace Tongban.Kernel.Security;

/// <summary>
/// Names actors for readers at display time, in bulk: one call per page for every actor it shows. Actors are recorded as
/// ids (<c>user:{guid}</c>, <c>module:applications</c>, …) everywhere — in the append-only audit chain and access log too,
/// which cannot be rewritten — so names are looked up when shown and are always the current ones.
/// </summary>
public sealed class ActorDirectory(IEnumerable<IActorResolver> resolvers, IEnumerable<SystemActor> systems)
{
    private readonly Dictionary<string, ActorInfo> _systems = systems.ToDictionary(s => s.Actor, s => ActorInfo.System(s.Chinese, s.English), StringComparer.Ordinal);

    public async Task<ActorNames> NamesAsync(IEnumerable<string?> actors, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, ActorInfo>(StringComparer.Ordinal);
        var wanted = actors.OfType<string>().SelectMany(ActorRef.Parts).Select(ActorRef.Normalize).Distinct(StringComparer.Ordinal).ToList();
        var left = new List<string>();
        foreach (var actor in wanted)
        {
            if (Known(actor) is { } info) known[actor] = info;
            else left.Add(actor);
        }
        foreach (var resolver in resolvers)
        {
            if (left.Count == 0) break;
            foreach (var (actor, info) in await resolver.ResolveAsync(left, cancellationToken)) known[actor] = info;
            left.RemoveAll(known.ContainsKey);
        }
        return new ActorNames(known);
    }

    private ActorInfo? Known(string actor) => actor switch
    {
        _ when _systems.TryGetValue(actor, out var system) => system,
        Actor.System => ActorInfo.System("平台自动处理", "The platform"),
        Actor.Anonymous => new(ActorKind.Unknown, "未登录的访客", "Someone not signed in", []),
        _ when actor.StartsWith("cli:", StringComparison.Ordinal) => ActorInfo.System("运维命令行", "Operations command line"),
        _ when ActorRef.DevelopmentName(actor) is { } name => ActorInfo.Staff(name, []) with { Development = true },
        _ => null,
    };
}
