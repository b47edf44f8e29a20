using System.Net;

namespace Tongban.Cli.Tests;

public sealed class KeyCommandTests
{
    [Theory]
    [DatabaseLanes]
    public async Task Rotating_the_personal_data_key_by_command_reseals_every_account_and_all_still_sign_in(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateAsync(lane);
        string id, phone;
        await using (var app = new TongbanApp(database))
            (id, phone, _) = await app.RegisterCitizenAsync("轮换测试");

        var (exit, output) = await Cli.RunAsync(database, "keys", "rotate-personal-data", "--batch-size", "2");

        Assert.True(exit == 0, output);
        Assert.Contains("re-sealed", output, StringComparison.Ordinal);
        Assert.Contains("key 2 aes-256-gcm", await File.ReadAllTextAsync(Path.Combine(database.DataDirectory, "keys", "personal-data.key")), StringComparison.Ordinal);
        var rows = await RawSql.RowsAsync(database, "SELECT id_number, phone_number FROM idn_accounts");
        Assert.All(rows.SelectMany(r => r).OfType<string>(), value => Assert.StartsWith("pd1.2.", value, StringComparison.Ordinal));
        // Still the demo instance (the test host's opt-in; nothing is seeded into a full database).
        await using var restarted = new TongbanApp(database);
        foreach (var login in new[] { id, phone, "211221196805129013" })
        {
            using var signIn = await restarted.Browser().PasswordSignInAsync(login, login == "211221196805129013" ? "Tongban-Demo-2026" : TestPeople.Password);
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{login}: {(int)signIn.StatusCode}");
        }
    }
}
