using Microsoft.Extensions.Caching.Memory;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Time;
using Tongban.Kernel.Web;
using Tongban.Organization.Contracts;

namespace Tongban.Halls.Features.BrowseNetwork;

/// <summary>What a place of the network is: a city or county centre (a hall), a township's 政务服务驿站, or a village's 便民服务站.</summary>
internal enum PlaceKind
{
    Centre,
    TownshipStation,
    VillageStation,
}

internal sealed record NetworkItem(string Code, string Name);

/// <summary>
/// A place of the four-level network as the pages and the API show it: its division (by name and level), address,
/// hours in words, public phone, staff and the published items handled there.
/// </summary>
internal sealed record NetworkPlace(
    string Key, PlaceKind Kind, string Name, string? NameEn, string DivisionCode, string DivisionName, DivisionLevel Level,
    string? Address, string? AddressEn, (string Zh, string En) Hours, string? Phone, int? StaffCount, IReadOnlyList<NetworkItem> Items)
{
    public string Href => Kind == PlaceKind.Centre ? $"/network/centres/{Key}" : $"/network/stations/{Key}";

    public (string Zh, string En) KindText => Kind switch
    {
        PlaceKind.Centre when Level <= DivisionLevel.City => ("市级政务服务中心", "City service centre"),
        PlaceKind.Centre => ("县级政务服务中心", "County service centre"),
        PlaceKind.TownshipStation => ("乡镇政务服务驿站", "Township station"),
        _ => ("村（社区）便民服务站", "Village service point"),
    };

    public string KindKey => Kind switch { PlaceKind.Centre => "centre", PlaceKind.TownshipStation => "township-station", _ => "village-station" };
}

/// <summary>A division with the places in it and the divisions below it that have places, city → county → township → village.</summary>
internal sealed record NetworkNode(DivisionInfo Division, string Name, IReadOnlyList<NetworkPlace> Places, IReadOnlyList<NetworkNode> Children);

/// <summary>One tier of the network with its cases accepted this year and the trips they saved.</summary>
internal sealed record TierFigures(string Key, string Zh, string En, int Places, int Items, long Accepted, long TripsSaved);

/// <summary>The whole network: every place, the division tree, each tier's figures and the period they cover.</summary>
internal sealed record NetworkView(
    IReadOnlyList<NetworkPlace> Places, NetworkNode? Root, IReadOnlyDictionary<string, DivisionInfo> Divisions,
    IReadOnlyDictionary<string, string> DivisionNames, IReadOnlyList<TierFigures> Tiers, DateOnly From, DateOnly To)
{
    /// <summary>The places of a division and every division above it, nearest first (a village's service point, its township's station, the county centre, the city centre).</summary>
    public IReadOnlyList<NetworkPlace> NearestTo(DivisionInfo division)
    {
        List<NetworkPlace> result = [];
        for (DivisionInfo? d = division; d is not null; d = d.ParentCode is { } p && Divisions.TryGetValue(p, out var up) ? up : null)
            result.AddRange(Places.Where(x => x.DivisionCode == d.Code));
        return result;
    }

    /// <summary>The places in a division and below it, in the tree's order.</summary>
    public IReadOnlyList<NetworkPlace> Within(DivisionInfo division)
    {
        var prefix = DivisionCode.Parse(division.Code).Prefix;
        return [.. Places.Where(p => p.DivisionCode.StartsWith(prefix, StringComparison.Ordinal))];
    }

    /// <summary>The divisions one level below <paramref name="parent"/> in force, by code (to choose one's county, then township).</summary>
    public IReadOnlyList<DivisionInfo> ChildrenOf(string parent) =>
        [.. Divisions.Values.Where(d => d.ParentCode == parent && d.ValidTo is null).OrderBy(d => d.Code, StringComparer.Ordinal)];
}

/// <summary>
/// Builds the four-level network from the organisation's halls and stations and the catalog's item places, with the
/// statistics' figures of each tier (kernel <see cref="INetworkFigures"/>). Kept a minute in memory: the pages are
/// output-cached as long, and reading every item's places is the costly part.
/// </summary>
internal sealed class NetworkDirectory(
    IOrganizationDirectory organization, IItemPlaces itemPlaces, IEnumerable<INetworkFigures> figures, RegionClock clock, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public async Task<NetworkView> GetAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync("halls.network", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return await BuildAsync(ct);
        }))!;

    /// <summary>A division asked for by its code: 400 (bilingual) when the code is malformed, 404 when there is no such division.</summary>
    public static DivisionInfo Find(NetworkView view, string? code)
    {
        if (!DivisionCode.TryParse(code?.Trim(), out var parsed, out _))
            throw new DomainException(new DomainError("network.division", "行政区划代码应为6、9或12位数字", "A division code has 6, 9 or 12 digits", ErrorKind.BadRequest, "division"));
        return view.Divisions.GetValueOrDefault(parsed.Value.Value) ?? throw new DomainException(DomainError.NotFound("行政区划", "The division"));
    }

    private async Task<NetworkView> BuildAsync(CancellationToken ct)
    {
        var divisions = (await organization.ListDivisionsAsync(ct)).ToDictionary(d => d.Code, StringComparer.Ordinal);
        var names = await organization.DivisionNamesAsync(ct);
        var halls = await organization.ListHallsAsync(ct);
        var stations = await organization.ListStationsAsync(ct);
        var placed = await itemPlaces.ListPlacedAsync(ct);
        var byHall = placed.Where(p => p.Hall is not null).ToLookup(p => p.Hall!, StringComparer.Ordinal);
        var byStation = placed.Where(p => p.Station is not null).ToLookup(p => p.Station!, StringComparer.Ordinal);
        static IReadOnlyList<NetworkItem> Items(IEnumerable<PlacedItem> items) =>
            [.. items.DistinctBy(i => i.ImplementationCode).Select(i => new NetworkItem(i.ImplementationCode, i.Name))];
        DivisionLevel LevelOf(string code) => divisions.TryGetValue(code, out var d) ? (DivisionLevel)d.Level : DivisionCode.Parse(code).Level;

        List<NetworkPlace> places = [];
        foreach (var h in halls)
            places.Add(new NetworkPlace(h.Slug, PlaceKind.Centre, h.Name, h.NameEn, h.DivisionCode, names.GetValueOrDefault(h.DivisionCode, h.Name),
                LevelOf(h.DivisionCode), h.Address, h.AddressEn, HallHours(h), h.Phone, h.StaffCount, Items(byHall[h.Slug])));
        foreach (var s in stations)
        {
            var level = LevelOf(s.DivisionCode);
            places.Add(new NetworkPlace(s.Key, s.IsTownshipStation || level <= DivisionLevel.Township ? PlaceKind.TownshipStation : PlaceKind.VillageStation,
                s.Name, null, s.DivisionCode, names.GetValueOrDefault(s.DivisionCode, s.Name), level, s.Address, null, StationHours(s.Hours),
                s.Phone, s.StaffCount, Items(byStation[s.Key])));
        }
        places = [.. places.OrderBy(p => p.DivisionCode, StringComparer.Ordinal).ThenBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.Ordinal)];

        var root = divisions.Values.Where(d => d.Level == (int)DivisionLevel.City && d.ValidTo is null)
            .OrderByDescending(d => places.Count(p => p.DivisionCode.StartsWith(d.Code[..4], StringComparison.Ordinal))).FirstOrDefault();
        var today = clock.Today;
        var from = new DateOnly(today.Year, 1, 1);
        return new NetworkView(places, root is null ? null : Node(root, divisions, names, places), divisions, names,
            await TiersAsync(places, from, today, ct), from, today);
    }

    private static NetworkNode Node(DivisionInfo division, IReadOnlyDictionary<string, DivisionInfo> divisions, IReadOnlyDictionary<string, string> names, List<NetworkPlace> places)
    {
        var children = divisions.Values
            .Where(d => d.ParentCode == division.Code && places.Any(p => p.DivisionCode.StartsWith(DivisionCode.Parse(d.Code).Prefix, StringComparison.Ordinal)))
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .Select(d => Node(d, divisions, names, places)).ToList();
        return new NetworkNode(division, names.GetValueOrDefault(division.Code, division.Name), [.. places.Where(p => p.DivisionCode == division.Code)], children);
    }

    /// <summary>
    /// The tiers' figures this year: the city and county centres count the cases of their level's items not taken at a
    /// station, and the trips saved are those applied for online (no visit to the centre); the stations count every case
    /// taken at a station (and of township or village items), each a trip to a centre saved.
    /// </summary>
    private async Task<IReadOnlyList<TierFigures>> TiersAsync(List<NetworkPlace> places, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var source = figures.FirstOrDefault();
        var rows = source is null ? [] : await source.AcceptedAsync(from, to, ct);
        static bool Online(string channel) => channel is "online" or "mobile";
        string Tier(NetworkFigure f) => f.Channel == "station" || f.Level is "township" or "village" ? "stations" : f.Level is "city" or "province" ? "city" : f.Level == "county" ? "county" : "";
        (long Accepted, long Saved) Sum(string tier)
        {
            var mine = rows.Where(r => Tier(r) == tier).ToList();
            return (mine.Sum(r => r.Accepted), tier == "stations" ? mine.Sum(r => r.Accepted) : mine.Where(r => Online(r.Channel)).Sum(r => r.Accepted));
        }
        int Count(Func<NetworkPlace, bool> which) => places.Count(which);
        int ItemCount(Func<NetworkPlace, bool> which) => places.Where(which).SelectMany(p => p.Items).Select(i => i.Code).Distinct().Count();
        bool City(NetworkPlace p) => p.Kind == PlaceKind.Centre && p.Level <= DivisionLevel.City;
        bool County(NetworkPlace p) => p.Kind == PlaceKind.Centre && p.Level > DivisionLevel.City;
        bool Station(NetworkPlace p) => p.Kind != PlaceKind.Centre;
        var (cityAccepted, citySaved) = Sum("city");
        var (countyAccepted, countySaved) = Sum("county");
        var (stationAccepted, stationSaved) = Sum("stations");
        return
        [
            new("city", "市级政务服务中心", "City service centre", Count(City), ItemCount(City), cityAccepted, citySaved),
            new("county", "县级政务服务中心", "County service centres", Count(County), ItemCount(County), countyAccepted, countySaved),
            new("stations", "乡镇驿站和村便民服务站", "Township and village stations", Count(Station), ItemCount(Station), stationAccepted, stationSaved),
        ];
    }

    private static (string Zh, string En) HallHours(HallInfo hall)
    {
        var sessions = string.Join("、", hall.Hours.Select(s => $"{s.From:HH\\:mm}–{s.To:HH\\:mm}"));
        var sessionsEn = string.Join(", ", hall.Hours.Select(s => $"{s.From:HH\\:mm}–{s.To:HH\\:mm}"));
        var extras = hall.ExtraSessions.Select(e => e.Kind).Distinct().Select(k => k.Words()).ToList();
        return extras.Count == 0
            ? ($"工作日 {sessions}", $"Working days {sessionsEn}")
            : ($"工作日 {sessions}；另有{string.Join("、", extras.Select(e => e.Zh))}", $"Working days {sessionsEn}; also {string.Join(" and ", extras.Select(e => e.En))}");
    }

    private static (string Zh, string En) StationHours(string? hours)
    {
        if (string.IsNullOrWhiteSpace(hours)) return ("请来电询问", "Please call to ask");
        var text = hours.Trim().Replace("-", "–", StringComparison.Ordinal);
        return ($"工作日 {text}", $"Working days {text}");
    }
}
