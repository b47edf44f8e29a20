using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Registries.Contracts;

namespace Tongban.Cli.Tests;

public sealed class KeyCommandTests
{
    [Theory]
    [DatabaseLanes]
    public async Task Rotating_the_personal_data_key_by_command_reseals_every_account_and_registry_record_and_all_are_still_found(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        string id, phone;
        await using (var app = new TongbanApp(database))
            (id, phone, _) = await app.RegisterCitizenAsync("轮换测试");

        var (exit, output) = await Cli.RunAsync(database, "keys", "rotate-personal-data", "--batch-size", "2");

        Assert.True(exit == 0, output);
        Assert.Contains("re-sealed", output, StringComparison.Ordinal);
        Assert.Contains("key 2 aes-256-gcm", await File.ReadAllTextAsync(Path.Combine(database.DataDirectory, "keys", "personal-data.key")), StringComparison.Ordinal);
        foreach (var sql in new[] { "SELECT id_number, phone_number FROM idn_accounts", "SELECT id_number FROM reg_persons", "SELECT subject_code FROM reg_credit_entries",
            "SELECT legal_representative_id_number FROM reg_legal_entities" })
        {
            var values = (await RawSql.RowsAsync(database, sql)).SelectMany(r => r).OfType<string>().ToList();
            Assert.NotEmpty(values);
            Assert.All(values, value => Assert.StartsWith("pd1.2.", value, StringComparison.Ordinal));
        }
        // Still the demo instance (the test host's opt-in; nothing is seeded into a full database).
        await using var restarted = new TongbanApp(database);
        foreach (var login in new[] { id, phone, "211221196805129013" })
        {
            using var signIn = await restarted.Browser().PasswordSignInAsync(login, login == "211221196805129013" ? "Tongban-Demo-2026" : TestPeople.Password);
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{login}: {(int)signIn.StatusCode}");
        }
        await using var scope = restarted.Services.CreateAsyncScope();
        var read = new RegistryRead("client:social-security", "11211200MB1234567X", "clerk-0042", "社会保险待遇资格认证", "population-basic");
        var found = await scope.ServiceProvider.GetRequiredService<IRegistryRecords>().ReadAsync(RegistryKind.Population, "211221196805129013", ["idNumber"], read, default);
        Assert.Equal("211221196805129013", Assert.Single(found).Fields["idNumber"]);
    }
}
