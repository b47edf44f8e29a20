using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Identifiers;

namespace Tongban.Halls.Features.BrowseNetwork;

internal sealed record NetworkDivisionAnswer(string Code, string Name, string Level);

internal sealed record NetworkItemAnswer(string Code, string Name);

internal sealed record NetworkPlaceAnswer(
    string Key, string Kind, string Level, string Name, string? NameEn, string DivisionCode, string DivisionName, string? Address,
    string Hours, string HoursEn, string? Phone, int? StaffCount, int ItemCount, IReadOnlyList<NetworkItemAnswer> Items, string Href);

internal sealed record NetworkTierAnswer(string Tier, string Name, string NameEn, int Places, int Items, long Accepted, long TripsSaved);

/// <summary>
/// The network for other systems: with <c>division</c>, that division (<see cref="Division"/>), the places for it and the
/// divisions above it, nearest first (<see cref="Nearest"/>), and the places in it and below (<see cref="Places"/>);
/// without, every place. The tiers' figures cover <see cref="From"/>–<see cref="To"/> (this year).
/// </summary>
internal sealed record NetworkAnswer(
    NetworkDivisionAnswer? Division, IReadOnlyList<NetworkPlaceAnswer> Nearest, IReadOnlyList<NetworkPlaceAnswer> Places,
    IReadOnlyList<NetworkTierAnswer> Tiers, DateOnly From, DateOnly To);

internal static class NetworkEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/network", async (string? division, NetworkDirectory network, CancellationToken ct) =>
            {
                var view = await network.GetAsync(ct);
                var chosen = division is null ? null : NetworkDirectory.Find(view, division);
                return TypedResults.Ok(new NetworkAnswer(
                    chosen is null ? null : new NetworkDivisionAnswer(chosen.Code, view.DivisionNames.GetValueOrDefault(chosen.Code, chosen.Name), LevelKey((DivisionLevel)chosen.Level)),
                    chosen is null ? [] : [.. view.NearestTo(chosen).Select(Answer)],
                    [.. (chosen is null ? view.Places : view.Within(chosen)).Select(Answer)],
                    [.. view.Tiers.Select(t => new NetworkTierAnswer(t.Key, t.Zh, t.En, t.Places, t.Items, t.Accepted, t.TripsSaved))],
                    view.From, view.To));
            })
            .WithTags("Halls")
            .WithSummary("The four-level service network: centres and stations with address, hours, staff and the items handled; with division=, those for that division and above it (nearest first) and those below it; each tier's cases accepted and trips saved this year");

    internal static string LevelKey(DivisionLevel level) => level.ToString().ToLowerInvariant();

    private static NetworkPlaceAnswer Answer(NetworkPlace p) => new(
        p.Key, p.KindKey, LevelKey(p.Level), p.Name, p.NameEn, p.DivisionCode, p.DivisionName, p.Address, p.Hours.Zh, p.Hours.En,
        p.Phone, p.StaffCount, p.Items.Count, [.. p.Items.Select(i => new NetworkItemAnswer(i.Code, i.Name))], p.Href);
}
