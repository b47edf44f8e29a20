using System.Net;
using System.Text;
using Xunit;

namespace Tongban.Testing;

/// <summary>
/// Hostile input for a field that takes text from anyone: the classic shapes (empty, blanks, very long, markup, SQL,
/// paths, control and invisible characters, full-width digits) and seeded mutations of a valid value, so a failing
/// case can be replayed from its seed. What every answer to them must be: a refusal or an answer, never a 500.
/// </summary>
public static class Fuzz
{
    private static readonly string[] Classic =
    [
        "", " ", "\t\r\n", new string('9', 5000), "<script>alert(1)</script>", "' OR '1'='1' --", "../../../etc/passwd", "%00%2e%2e%2f",
        "a\0b", "\u200b\u200e\u202e", "１２３４５６７８９０", "😀🏳️‍🌈", "null", "{}", "[]", "\\", "\"", "%", "?&=#",
    ];

    /// <summary>The classic shapes, then <paramref name="mutations"/> seeded mutations of <paramref name="valid"/>.</summary>
    public static IEnumerable<string> Strings(string valid, int mutations = 40, int seed = 17)
    {
        foreach (var text in Classic) yield return text;
        var random = new Random(seed);
        for (var i = 0; i < mutations; i++) yield return Mutate(valid, random);
    }

    /// <summary>One to three edits (replace, delete, insert, swap case) at random places.</summary>
    public static string Mutate(string valid, Random random)
    {
        var text = new StringBuilder(valid);
        for (var edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
        {
            var at = random.Next(text.Length);
            const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcz.-_ *中";
            switch (random.Next(4))
            {
                case 0: text[at] = alphabet[random.Next(alphabet.Length)]; break;
                case 1: text.Remove(at, 1); break;
                case 2: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                default: text[at] = char.IsUpper(text[at]) ? char.ToLowerInvariant(text[at]) : char.ToUpperInvariant(text[at]); break;
            }
        }
        return text.ToString();
    }

    /// <summary>Fails, naming the input, when an answer is a server error or not one of <paramref name="allowed"/>.</summary>
    public static async Task AssertHandledAsync(HttpResponseMessage response, string input, params HttpStatusCode[] allowed)
    {
        if ((int)response.StatusCode < 500 && (allowed.Length == 0 || allowed.Contains(response.StatusCode))) return;
        var body = await response.Content.ReadAsStringAsync();
        Assert.Fail($"input {Escape(input)} got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}");
    }

    private static string Escape(string input) =>
        input.Length > 80 ? $"({input.Length} characters) {Escape(input[..40])}…" : string.Concat(input.Select(c => char.IsControl(c) || c > 0x7e ? $"\\u{(int)c:x4}" : c.ToString()));
}
