namespace Tongban.Catalog.Search;

internal sealed partial class SearchIndex
{
    // Ranks, highest first. A whole-query match of the name beats any partial one; a partial match whose words are
    // all in the name ranks just below a whole-query match within a name.
    private const int ExactName = 10000, NamePrefix = 8000, NameWithin = 6000, PinyinWhole = 5000, PinyinWithin = 4000, InDescription = 2000, InDepartment = 1500;
    private const int PartialBase = 1000, PartialName = 4000, PartialLiteral = 400, PartialDescription = 800;

    /// <summary>An item named for a secondary action (补领, 变更 …) ranks this much lower unless the query asks for one.</summary>
    private const int SecondaryAction = 300;

    /// <summary>Share of a query's word weight an item must hold to be a partial match.</summary>
    internal const float PartialThreshold = 0.5f;

    /// <summary>
    /// Scores every text the plan finds: whole-query alternatives in names, descriptions and pinyin (<paramref name="wholeOnly"/>:
    /// only these, what a substring search finds), then in department names, homophones, and the query part by part.
    /// </summary>
    private void Match(QueryPlan plan, Scratch s, bool wholeOnly)
    {
        foreach (var alternative in plan.Alternatives) MatchWhole(alternative, plan, s);
        if (wholeOnly) return;
        foreach (var alternative in plan.Alternatives.Where(a => a.Length > 1))
            foreach (var text in Holding(alternative, _departmentPostings, _departments)) Record(s, plan, text, MatchKind.Department, InDepartment);
        if (plan.Homophones is { } spoken) MatchPinyin(spoken, plan, s);
        if (plan.Units.Count > 1) MatchParts(plan, s);
    }

    private void MatchWhole(string q, QueryPlan plan, Scratch s)
    {
        foreach (var text in Holding(q, _namePostings, _names)) Record(s, plan, text, MatchKind.Name, NameScore(text, q));
        foreach (var text in Holding(q, _descriptionPostings, _descriptions)) Record(s, plan, text, MatchKind.Description, InDescription);
        if (q.All(char.IsAsciiLetter)) MatchPinyin(q, plan, s);
    }

    /// <summary>The texts whose field holds <paramref name="q"/>: the postings, confirmed by a substring test where they are not exact.</summary>
    private static IEnumerable<int> Holding(string q, GramPostings postings, string[] field)
    {
        var exact = GramPostings.IsExact(q);
        return postings.Candidates(q).Where(text => exact || field[text].Contains(q, StringComparison.Ordinal));
    }

    /// <summary>Whole name, start of it, within it; and the more of the name the query explains, the better (无犯罪记录证明 over 无犯罪记录).</summary>
    private int NameScore(int text, string q)
    {
        var length = _nameLengths[text];
        var start = q.Length == 1 ? _firstCharacters[text] == q[0] : _names[text].StartsWith(q, StringComparison.Ordinal);
        return (length == q.Length ? ExactName : start ? NamePrefix : NameWithin) + 100 * q.Length / length;
    }

    private void MatchPinyin(string q, QueryPlan plan, Scratch s)
    {
        var exact = GramPostings.IsExact(q);
        foreach (var text in _pinyinPostings.Candidates(q))
        {
            // Initials are never longer than the pinyin: when they are longer than the query, neither spelling is the query.
            if (_initialsLengths[text] <= q.Length && (_initials[text] == q || _pinyin[text] == q)) Record(s, plan, text, MatchKind.Pinyin, PinyinWhole);
            else if (exact || _initials[text].Contains(q, StringComparison.Ordinal) || _pinyin[text].Contains(q, StringComparison.Ordinal))
                Record(s, plan, text, MatchKind.Pinyin, PinyinWithin);
        }
    }

    private void Record(Scratch s, QueryPlan plan, int text, MatchKind kind, int score) =>
        s.Record(text, _groupOf[text], kind, _secondary[text] && !plan.NamesAnAction ? score - SecondaryAction : score);

    /// <summary>
    /// The query part by part. Each character of it weighs as much as the rarest part covering it that some text holds
    /// (a pair no text holds weighs nothing, a synonym term no text holds the most); a text holding parts that cover at least
    /// <see cref="PartialThreshold"/> of the weight is a partial match, ranked by the share in its name (more when in the query's own
    /// words than in synonyms), then in its description and department.
    /// </summary>
    private void MatchParts(QueryPlan plan, Scratch s)
    {
        var weights = new float[plan.Length];
        var rarest = 1f + MathF.Log(_names.Length);
        foreach (var unit in plan.Units)
        {
            var count = 0;
            foreach (var text in Holding(unit, _namePostings)) count += s.Cover(text, unit.Positions, inName: true, unit.Literal);
            foreach (var text in Holding(unit, _descriptionPostings)) count += s.Cover(text, unit.Positions, inName: false, literal: false);
            foreach (var text in Holding(unit, _departmentPostings)) count += s.Cover(text, unit.Positions, inName: false, literal: false);
            // A pair no text holds is most likely two words run together and weighs nothing; a synonym term no text
            // holds is a word the person meant, and weighs as much as the rarest word.
            if (count == 0 && unit.Literal) continue;
            var weight = count == 0 ? rarest : 1f + MathF.Log((float)_names.Length / count);
            for (var p = 0; p < weights.Length; p++)
                if ((unit.Positions & (1UL << p)) != 0) weights[p] = Math.Max(weights[p], weight);
            s.NextUnit();
        }
        var total = weights.Sum();
        foreach (var text in total > 0 ? s.Covered : [])
        {
            var share = Weight(s.AnyMask[text], weights) / total;
            if (share < PartialThreshold - 1e-4f) continue; // half of two equal words is half, not a rounding below it
            var nameShare = Weight(s.NameMask[text], weights) / total;
            var literalShare = Weight(s.LiteralMask[text], weights) / total;
            Record(s, plan, text, MatchKind.Partial,
                PartialBase + (int)(PartialName * nameShare) + (int)(PartialLiteral * literalShare) + (int)(PartialDescription * (share - nameShare)));
        }
        s.ClearCover();
    }

    private static float Weight(ulong mask, float[] weights)
    {
        var sum = 0f;
        for (var p = 0; p < weights.Length; p++)
            if ((mask & (1UL << p)) != 0) sum += weights[p];
        return sum;
    }

    /// <summary>
    /// The texts whose field holds the unit: any of its terms, a term of three characters or more counting as held when
    /// all its character pairs are (户口迁入 in 户口迁移（迁入）). A text may come twice; <see cref="Scratch.Cover"/> counts it once.
    /// </summary>
    private static IEnumerable<int> Holding(QueryUnit unit, GramPostings postings) => unit.Terms.SelectMany(postings.Candidates);
}
