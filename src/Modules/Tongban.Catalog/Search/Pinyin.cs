using System.Collections.Frozen;
using System.Text;

namespace Tongban.Catalog.Search;

/// <summary>
/// Chinese to toneless pinyin from a table derived from ICU's Han-Latin transliterator (Search/Data/pinyin.tsv),
/// corrected for polyphonic characters by phrases (pinyin-phrases.tsv), longest phrase first.
/// </summary>
internal sealed class Pinyin
{
    private readonly FrozenDictionary<char, string> _characters;
    private readonly FrozenDictionary<string, string[]> _phrases;
    private readonly int _longestPhrase;

    private Pinyin(FrozenDictionary<char, string> characters, FrozenDictionary<string, string[]> phrases)
    {
        _characters = characters;
        _phrases = phrases;
        _longestPhrase = phrases.Count == 0 ? 0 : phrases.Keys.Max(k => k.Length);
    }

    public static Pinyin Shipped { get; } = Load();

    /// <summary>The syllables of <paramref name="text"/>; characters without a reading are skipped.</summary>
    public IReadOnlyList<string> Syllables(string text)
    {
        var syllables = new List<string>(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var matched = false;
            for (var length = Math.Min(_longestPhrase, text.Length - i); length >= 2 && !matched; length--)
            {
                if (_phrases.TryGetValue(text.Substring(i, length), out var readings))
                {
                    syllables.AddRange(readings);
                    i += length;
                    matched = true;
                }
            }
            if (matched) continue;
            if (_characters.TryGetValue(text[i], out var reading)) syllables.Add(reading);
            else if (char.IsAsciiLetterOrDigit(text[i])) syllables.Add(char.ToLowerInvariant(text[i]).ToString());
            i++;
        }
        return syllables;
    }

    /// <summary>Full pinyin without separators: 公积金 → gongjijin.</summary>
    public string Full(string text) => string.Concat(Syllables(text));

    /// <summary>Initials: 公积金 → gjj.</summary>
    public string Initials(string text)
    {
        var builder = new StringBuilder();
        foreach (var syllable in Syllables(text)) builder.Append(syllable[0]);
        return builder.ToString();
    }

    private static Pinyin Load()
    {
        var characters = new Dictionary<char, string>();
        foreach (var (key, value) in EmbeddedTable.Lines("pinyin.tsv"))
            if (key.Length == 1) characters[key[0]] = value;
        var phrases = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, value) in EmbeddedTable.Lines("pinyin-phrases.tsv"))
        {
            // A one-character entry corrects the table's reading of that character everywhere (地 → di).
            if (key.Length == 1) characters[key[0]] = value.Trim();
            else phrases[key] = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        return new Pinyin(characters.ToFrozenDictionary(), phrases.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
