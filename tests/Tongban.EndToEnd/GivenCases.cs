using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tongban.Applications.Contracts;

namespace Tongban.EndToEnd;

/// <summary>
/// Synthetic cases (the <c>tongban generate cases</c> generator) made the signed-in citizen's. No page makes dozens of
/// cases quickly, so the generator writes them and they are given to the person in the database.
/// </summary>
internal static partial class GivenCases
{
    /// <summary>Generates <paramref name="count"/> cases of <paramref name="item"/> and gives every generated case to the page's person: (number, status), newest first.</summary>
    public static async Task<List<(string Number, string Status)>> GiveAsync(Browser browser, IPage page, string item, int count, int seed)
    {
        var me = await page.Context.APIRequest.GetAsync(browser.BaseUrl + "/api/identity/me");
        var id = Guid.Parse(IdPattern().Match(await me.TextAsync()).Groups[1].Value).ToString().ToUpperInvariant(); // as EF Core keeps a GUID on SQLite
        await using (var scope = browser.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ICaseGenerator>().GenerateAsync(count, seed, [item], null, CancellationToken.None);
        await using var db = new SqliteConnection($"Data Source={Path.Combine(browser.Database.DataDirectory, "tongban.db")}");
        await db.OpenAsync();
        await using var update = db.CreateCommand();
        update.CommandText = "UPDATE app_cases SET applicant_id = $id WHERE submission_key LIKE 'generated:%'";
        update.Parameters.AddWithValue("$id", id);
        Assert.Equal(count, await update.ExecuteNonQueryAsync());
        await using var read = db.CreateCommand();
        read.CommandText = "SELECT number, status FROM app_cases WHERE applicant_id = $id ORDER BY submitted_at DESC, number DESC";
        read.Parameters.AddWithValue("$id", id);
        var cases = new List<(string, string)>();
        await using var rows = await read.ExecuteReaderAsync();
        while (await rows.ReadAsync()) cases.Add((rows.GetString(0), rows.GetString(1)));
        return cases;
    }

    [GeneratedRegex("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"")]
    private static partial Regex IdPattern();
}
