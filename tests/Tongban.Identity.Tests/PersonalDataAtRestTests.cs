using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tongban.Identity.Data;
using Tongban.Kernel.Data;
using Tongban.Kernel.Keys;
using Tongban.Kernel.PersonalData;

namespace Tongban.Identity.Tests;

/// <summary>ID and phone numbers of accounts are sealed at rest: what plain SQL, a copy of the database or a lost key file shows.</summary>
public sealed class PersonalDataAtRestTests
{
    [Theory, DatabaseLanes]
    public async Task The_accounts_table_holds_no_clear_ID_or_phone_number_and_both_still_sign_in(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        await using var app = new TongbanApp(database);
        var (id, phone, _) = await app.RegisterAsync();

        var table = await RawSql.TableTextAsync(database, "idn_accounts");
        Assert.DoesNotContain(id, table, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, table, StringComparison.Ordinal);
        Assert.DoesNotContain("211221196805129013", table, StringComparison.Ordinal); // the demo citizen, sealed too
        Assert.All(await RawSql.RowsAsync(database, "SELECT id_number, id_number_index FROM idn_accounts"), row =>
        {
            Assert.StartsWith(PersonalDataProtector.Prefix, row[0], StringComparison.Ordinal);
            Assert.NotNull(row[1]);
        });
        await AssertSignsInAsync(app, id, phone);
    }

    [Theory, DatabaseLanes]
    public async Task After_a_rotation_new_writes_use_the_new_key_old_rows_open_and_the_reseal_moves_every_row(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        await using var app = new TongbanApp(database);
        var (before, beforePhone, _) = await app.RegisterAsync();
        var ring = app.Services.GetRequiredService<PersonalDataKeyStore>().Rotate();
        Assert.Equal(2, ring.CurrentId);

        var (after, afterPhone, _) = await app.RegisterAsync();
        var keys = (await RawSql.RowsAsync(database, "SELECT id_number FROM idn_accounts")).Select(r => r[0]![..6]).ToHashSet();
        Assert.Equal(["pd1.1.", "pd1.2."], keys.Order());
        await AssertSignsInAsync(app, before, beforePhone);

        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await PersonalDataResealer.ResealAsync(scope.ServiceProvider.GetRequiredService<AccountsDbContext>(), 2, CancellationToken.None) > 0);
        Assert.All(await RawSql.RowsAsync(database, "SELECT id_number, phone_number FROM idn_accounts"), row =>
            Assert.All(row.OfType<string>(), value => Assert.StartsWith("pd1.2.", value, StringComparison.Ordinal)));
        await AssertSignsInAsync(app, before, beforePhone);
        await AssertSignsInAsync(app, after, afterPhone);
    }

    [Theory, DatabaseLanes]
    public async Task Clear_rows_of_an_older_database_are_sealed_by_the_migration_and_found_again(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        await using var app = new TongbanApp(database);
        var (id, phone, _) = await app.RegisterAsync();
        // As a row written before the columns were sealed: clear values and no index, as the migration leaves it.
        var index = app.Services.GetRequiredService<PersonalDataProtector>().Index(id);
        await ExecuteAsync(database, $"UPDATE idn_accounts SET id_number = '{id}', phone_number = '{phone}', id_number_index = NULL, phone_number_index = NULL WHERE id_number_index = '{index}'");
        Assert.Contains(id, await RawSql.TableTextAsync(database, "idn_accounts"), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(2, await PersonalDataResealer.ResealAsync(scope.ServiceProvider.GetRequiredService<AccountsDbContext>(), 1000, CancellationToken.None));
        Assert.DoesNotContain(id, await RawSql.TableTextAsync(database, "idn_accounts"), StringComparison.Ordinal);
        await AssertSignsInAsync(app, id, phone);
    }

    [Theory, DatabaseLanes]
    public async Task A_copy_of_the_database_without_the_key_file_reveals_no_number(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        await using var app = new TongbanApp(database);
        var (id, phone, _) = await app.RegisterAsync();
        var row = (await RawSql.RowsAsync(database, "SELECT id_number, id_number_index, phone_number FROM idn_accounts")).First(r => r[2] is not null && r[0] is not null);

        // Whoever holds the copy but not the key directory makes a key of their own: it opens nothing and indexes differently.
        var stranger = StrangerProtector();
        Assert.ThrowsAny<CryptographicException>(() => stranger.Open(row[0]!));
        Assert.ThrowsAny<CryptographicException>(() => stranger.Open(row[2]!));
        Assert.DoesNotContain(stranger.Index(id), await RawSql.TableTextAsync(database, "idn_accounts"), StringComparison.Ordinal);
        Assert.DoesNotContain(phone, await RawSql.TableTextAsync(database, "idn_accounts"), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Without_its_key_file_the_instance_refuses_to_start_and_says_why(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateAsync(lane);
        await using var app = new TongbanApp(database, new Dictionary<string, string?> { ["PersonalData:CreateKeyFile"] = "false" });
        var refused = Assert.ThrowsAny<Exception>(() => app.Server);
        var messages = string.Join(" / ", Chain(refused).Select(e => e.Message));
        Assert.Contains("个人数据密钥文件", messages, StringComparison.Ordinal);
        Assert.Contains("personal-data key file", messages, StringComparison.Ordinal);
        Assert.Contains("tongban keys rotate-personal-data", messages, StringComparison.Ordinal);
    }

    private static async Task AssertSignsInAsync(TongbanApp app, string id, string phone)
    {
        foreach (var login in new[] { id, phone })
        {
            using var signIn = await app.Browser().PasswordSignInAsync(login, People.Password);
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{login}: {(int)signIn.StatusCode}");
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        Assert.Equal(phone, (await db.Users.WhereMatches(a => a.IdNumber, id).SingleAsync()).PhoneNumber);
        Assert.Equal(id, (await db.Users.WhereMatches(a => a.PhoneNumber, phone).SingleAsync()).IdNumber);
    }

    private static PersonalDataProtector StrangerProtector()
    {
        var storage = Options.Create(new StorageOptions { DataDirectory = Directory.CreateTempSubdirectory("tongban-stranger-").FullName });
        var files = new KeyFiles(Options.Create(new KeysOptions()), storage);
        var environment = new StrangerEnvironment();
        return new PersonalDataProtector(new PersonalDataKeyStore(files, Options.Create(new PersonalDataOptions { CreateKeyFile = true }), environment));
    }

    private sealed class StrangerEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "stranger";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = RawSql.Connect(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
        if (e is AggregateException a) foreach (var inner in a.InnerExceptions.SelectMany(Chain)) yield return inner;
    }
}
