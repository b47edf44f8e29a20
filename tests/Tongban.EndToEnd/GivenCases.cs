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
    // The classes of the assembly share one host (SharedApps.cs): one generation at a time, and only its own cases given.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Generates <paramref name="count"/> cases of <paramref name="item"/> and gives them to the page's person: (number, status) of all theirs, newest first.</summary>
    public static async Task<List<(string Number, string Status)>> GiveAsync(Browser browser, IPage page, string item, int count, int seed)
    {
        var me = await page.Context.APIRequest.GetAsync(browser.BaseUrl + "/api/identity/me");
        var id = Guid.Parse(IdPattern().Match(await me.TextAsync()).Groups[1].Value).ToString().ToUpperInvariant(); // as EF Core keeps a GUID on SQLite
        await using var db = new SqliteConnection($"Data Source={Path.Combine(browser.Database.DataDirectory, "tongban.db")}");
        await db.OpenAsync();
        await OneAtATime.WaitAsync();
        try
        {
            await using var generated = db.CreateCommand();
            generated.CommandText = "SELECT json_group_array(number) FROM app_cases WHERE submission_key LIKE 'generated:%'";
            var before = (string)(await generated.ExecuteScalarAsync())!;
            await using (var scope = browser.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<ICaseGenerator>().GenerateAsync(count, seed, [item], null, CancellationToken.None);
            await using var update = db.CreateCommand();
            update.CommandText = "UPDATE app_cases SET applicant_id = $id WHERE submission_key LIKE 'generated:%' AND number NOT IN (SELECT value FROM json_each($before))";
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$before", before);
            Assert.Equal(count, await update.ExecuteNonQueryAsync());
        }
        finally
        {
            OneAtATime.Release();
        }
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
