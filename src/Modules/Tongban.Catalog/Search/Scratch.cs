namespace Tongban.Catalog.Search;

/// <summary>
/// The working arrays of one query, sized to the index and kept by it between queries: the best score of every group
/// (rank &lt;&lt; 4 | match kind, 0 for no hit) and its best text, the characters of the query each text holds, and —
/// only when <see cref="TrackTexts"/> — which texts were hit. Only what a query touched is reset, so a query costs
/// what it matches, not the size of the index.
/// </summary>
internal sealed class Scratch(int texts, int groups)
{
    /// <summary>Keep the texts hit too (<see cref="Hits"/>), not only the groups: for recall checks.</summary>
    public bool TrackTexts { get; set; }

    private readonly bool[] _hit = new bool[texts];
    public List<int> Hits { get; } = [];

    /// <summary>Per text, the characters of the query its name holds, and those its name or description holds.</summary>
    public ulong[] NameMask { get; } = new ulong[texts];
    public ulong[] AnyMask { get; } = new ulong[texts];
    public ulong[] LiteralMask { get; } = new ulong[texts];
    public List<int> Covered { get; } = [];

    /// <summary>Per text, the last part of the query (<see cref="Unit"/>) it was counted for.</summary>
    private readonly int[] _counted = new int[texts];
    private int _unit = 1;

    public int[] GroupScore { get; } = new int[groups];
    public int[] GroupBest { get; } = new int[groups];
    public List<int> GroupsSeen { get; } = [];

    /// <summary>A hit of <paramref name="text"/> (of <paramref name="group"/>): the group keeps its best score, and of equal ones the lowest-numbered text.</summary>
    public void Record(int text, int group, MatchKind kind, int score)
    {
        if (TrackTexts && !_hit[text])
        {
            _hit[text] = true;
            Hits.Add(text);
        }
        var best = GroupScore[group];
        if (best == 0) GroupsSeen.Add(group);
        else if (score < best >> 4 || (score == best >> 4 && text >= GroupBest[group])) return;
        GroupScore[group] = (score << 4) | (int)kind;
        GroupBest[group] = text;
    }

    /// <summary>Marks the positions a text holds; 1 the first time this part of the query finds the text, else 0.</summary>
    public int Cover(int text, ulong positions, bool inName, bool literal)
    {
        if (AnyMask[text] == 0) Covered.Add(text);
        if (inName) NameMask[text] |= positions;
        if (inName && literal) LiteralMask[text] |= positions;
        AnyMask[text] |= positions;
        if (_counted[text] == _unit) return 0;
        _counted[text] = _unit;
        return 1;
    }

    /// <summary>Starts counting the next part of the query; the stamps of earlier parts never equal it.</summary>
    public void NextUnit()
    {
        if (_unit == int.MaxValue)
        {
            Array.Clear(_counted);
            _unit = 0;
        }
        _unit++;
    }

    public void ClearCover()
    {
        foreach (var text in Covered) NameMask[text] = AnyMask[text] = LiteralMask[text] = 0;
        Covered.Clear();
    }

    public void Reset()
    {
        foreach (var text in Hits) _hit[text] = false;
        Hits.Clear();
        TrackTexts = false;
        ClearCover();
        foreach (var group in GroupsSeen) (GroupScore[group], GroupBest[group]) = (0, 0);
        GroupsSeen.Clear();
    }
}
