namespace Tongban.Statistics.Domain;

/// <summary>
/// Changes to the daily roll-ups, summed by slice before they are written: a live event adds the fact's contributions
/// after the change and takes away those before it; a rebuild adds every fact's contributions from its first day.
/// </summary>
internal sealed class Rollup
{
    private readonly Dictionary<Slice, (string ItemName, Measures Figures)> _changes = [];

    public void Add(Fact fact, int sign = 1, DateOnly? from = null)
    {
        foreach (var (slice, figures) in Contributions.Of(fact))
        {
            if (from is { } first && slice.Day < first) continue;
            if (!_changes.TryGetValue(slice, out var change)) _changes[slice] = change = (fact.ItemName, new Measures());
            change.Figures.Add(figures, sign);
        }
    }

    /// <summary>The fact's change: what it adds now less what it added before.</summary>
    public static Rollup Between(Fact? before, Fact after)
    {
        var rollup = new Rollup();
        if (before is not null) rollup.Add(before, -1);
        rollup.Add(after);
        return rollup;
    }

    public IEnumerable<(Slice Slice, string ItemName, Measures Figures)> Changes =>
        _changes.Where(c => !c.Value.Figures.IsZero).Select(c => (c.Key, c.Value.ItemName, c.Value.Figures));

    public IEnumerable<DateOnly> Days => _changes.Keys.Select(s => s.Day).Distinct().Order();

    public Rollup Only(DateOnly day)
    {
        var part = new Rollup();
        foreach (var (slice, change) in _changes.Where(c => c.Key.Day == day)) part._changes[slice] = change;
        return part;
    }
}
