namespace Tongban.Catalog.Search;

internal sealed partial class SearchVocabulary
{
    private enum TokenKind
    {
        Term,
        Filler,
        Plain,
    }

    private readonly record struct Token(TokenKind Kind, string Text);

    /// <summary>How a normalised query is matched: see <see cref="QueryPlan"/>.</summary>
    /// <summary>How many characters of a query (without its question words) are matched part by part.</summary>
    public const int MaxPartsLength = 24;

    public QueryPlan Plan(string q)
    {
        if (q.Length == 0) return QueryPlan.Empty;
        var tokens = Tokenize(q);
        var kept = tokens.Where(t => t.Kind != TokenKind.Filler).ToList();
        var alternatives = new List<string> { q };
        AddCombinations(kept, alternatives);
        var stripped = string.Concat(kept.Select(t => t.Text));
        string? homophones = null;
        if (SearchText.IsAscii(q)) AddSpoken(q, alternatives);
        else if (stripped.Length >= 3 && stripped.All(c => !char.IsAscii(c)))
        {
            homophones = Pinyin.Full(stripped);
            AddSpoken(homophones, alternatives);
        }
        var (units, length) = SearchText.IsAscii(q) ? ([], 0) : Units(kept);
        var action = Words.Actions.Any(a => alternatives.Any(x => x.Contains(a, StringComparison.Ordinal)));
        return new QueryPlan(q, alternatives, units, length, homophones, action);
    }

    /// <summary>Left to right, the longest synonym term or question word at each place; any other character on its own.</summary>
    private List<Token> Tokenize(string q)
    {
        var tokens = new List<Token>();
        var span = q.AsSpan();
        for (var i = 0; i < q.Length;)
        {
            var term = 0;
            for (var length = Math.Min(_longestTerm, q.Length - i); length >= 2 && term == 0; length--)
                if (_termLookup.ContainsKey(span.Slice(i, length))) term = length;
            var filler = 0;
            for (var length = Math.Min(_longestFiller, q.Length - i); length >= 1 && filler == 0; length--)
                if (_fillerLookup.Contains(span.Slice(i, length))) filler = length;
            var (kind, size) = term >= filler && term > 0 ? (TokenKind.Term, term) : filler > 0 ? (TokenKind.Filler, filler) : (TokenKind.Plain, 1);
            tokens.Add(new Token(kind, q.Substring(i, size)));
            i += size;
        }
        return tokens;
    }

    /// <summary>Every combination of the terms' synonyms, the question words left out, up to <see cref="MaxAlternatives"/>.</summary>
    private void AddCombinations(List<Token> kept, List<string> alternatives)
    {
        var options = kept.Select(t => t.Kind == TokenKind.Term ? [t.Text, .. _terms[t.Text].Where(o => o != t.Text)] : new[] { t.Text }).ToArray();
        var choice = new int[options.Length];
        while (alternatives.Count < MaxAlternatives)
        {
            var text = string.Concat(options.Select((o, i) => o[choice[i]]));
            if (text.Length > 0 && !alternatives.Contains(text)) alternatives.Add(text);
            var position = options.Length - 1;
            while (position >= 0 && ++choice[position] == options[position].Length) choice[position--] = 0;
            if (position < 0) break;
        }
    }

    /// <summary>A spelling (pinyin, initials) of a synonym term stands for the term and its group.</summary>
    private void AddSpoken(string spelling, List<string> alternatives)
    {
        if (!_spoken.TryGetValue(spelling, out var term)) return;
        foreach (var t in _terms[term])
            if (alternatives.Count < MaxAlternatives && !alternatives.Contains(t)) alternatives.Add(t);
    }

    /// <summary>
    /// The parts of the query without its question words: each synonym term, every pair of adjacent characters that
    /// does not straddle the edge of a term (inside a term too, for when none of its synonyms is found), and each
    /// character that is in no such pair.
    /// </summary>
    private (List<QueryUnit> Units, int Length) Units(List<Token> kept)
    {
        var units = new List<QueryUnit>();
        var edges = new HashSet<int>();
        var position = 0;
        var used = new List<Token>();
        foreach (var token in kept)
        {
            // A question is short; beyond its first words the parts would only cost time (each part reads its postings).
            if (position >= MaxPartsLength) break;
            used.Add(token);
            if (token.Kind == TokenKind.Term)
            {
                units.Add(new QueryUnit(_terms[token.Text], Mask(position, token.Text.Length), Literal: false));
                edges.Add(position);
                edges.Add(position + token.Text.Length);
            }
            position += token.Text.Length;
        }
        var text = string.Concat(used.Select(t => t.Text));
        edges.Add(0);
        edges.Add(text.Length);
        for (var i = 0; i + 1 < text.Length; i++)
            if (!edges.Contains(i + 1)) units.Add(new QueryUnit([text.Substring(i, 2)], Mask(i, 2), Literal: true));
        // A character between two edges (退休金 + 领) is in no pair: it stands for itself.
        for (var i = 0; i < text.Length; i++)
            if (edges.Contains(i) && edges.Contains(i + 1)) units.Add(new QueryUnit([text.Substring(i, 1)], Mask(i, 1), Literal: true));
        return (units, text.Length);
    }

    private static ulong Mask(int start, int length) => (length >= 64 ? ulong.MaxValue : (1UL << length) - 1) << start;
}
