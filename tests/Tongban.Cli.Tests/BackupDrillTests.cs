using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tongban.Cli.Tests;

/// <summary>
/// The restore drill: an instance with a case, its material file and its audit trail is backed up, restored into a
/// fresh instance, and the chains (with their checkpoints), the case and the file are found there as they were.
/// </summary>
public sealed class BackupDrillTests
{
    private const string Item = "12211200068861325U00203100400001"; // 气象灾害证明出具: a form to upload, identity from the registry
    private const string DemoCitizen = "211221196805129013";

    [Theory]
    [DatabaseLanes]
    public async Task A_backup_restored_into_a_fresh_instance_has_its_cases_files_keys_and_a_verified_audit_chain(DatabaseLane lane)
    {
        await using var source = await TestDatabase.CreateAsync(lane);
        var pdf = Encoding.ASCII.GetBytes($"%PDF-1.7\n% drill {Guid.NewGuid()}\n%%EOF\n");
        var (number, key) = ("", "");
        await using (var app = new TongbanApp(source))
        {
            (number, key) = await ApplyAsync(await SignInAsync(app), pdf);
            await app.DrainOutboxAsync();
        }
        var (archive, passphrase) = (Temp("zip"), Temp("txt"));
        await File.WriteAllTextAsync(passphrase, "correct horse battery staple\n");
        try
        {
            var backup = await Cli.RunAsync(source, "backup", "--out", archive, "--passphrase-file", passphrase);
            Assert.True(backup.ExitCode == 0, backup.Output);

            await using var target = await TestDatabase.CreateAsync(lane);
            var (exit, output) = await Cli.RunAsync(target, "restore", archive, "--passphrase-file", passphrase);
            Assert.True(exit == 0, output);
            Assert.Matches(@"audit: 哈希链完整 / intact\]?: \d+ entries; [1-9]\d* signed checkpoints match", output);

            foreach (var keyFile in new[] { Path.Combine("keys", "audit-checkpoints.key"), Path.Combine("keys", "personal-data.key") })
                Assert.Equal(await File.ReadAllTextAsync(Path.Combine(source.DataDirectory, keyFile)), await File.ReadAllTextAsync(Path.Combine(target.DataDirectory, keyFile)));
            // The restored copy is the demo instance it was (the test host's opt-in; nothing is seeded into a full database).
            await using var restored = new TongbanApp(target);
            var citizen = await SignInAsync(restored);
            var cases = await citizen.GetFromJsonAsync<JsonElement>("/api/applications/my/cases");
            Assert.Contains(cases.GetProperty("cases").EnumerateArray(), c => c.GetProperty("number").GetString() == number); // a page of my cases
            Assert.Equal(pdf, await citizen.GetByteArrayAsync($"/api/applications/my/cases/{number}/materials/{key}/file"));
        }
        finally
        {
            File.Delete(archive);
            File.Delete(passphrase);
        }
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_backup_changed_after_it_was_written_is_refused_and_restores_nothing(DatabaseLane lane)
    {
        await using var source = await TestDatabase.CreateAsync(lane);
        await using (var app = new TongbanApp(source, new Dictionary<string, string?> { ["Region:SeedDemoWhenEmpty"] = "false" })) _ = app.Server;
        var archive = Temp("zip");
        try
        {
            Assert.Equal(0, (await Cli.RunAsync(source, "backup", "--out", archive)).ExitCode);
            using (var zip = ZipFile.Open(archive, ZipArchiveMode.Update))
            {
                var database = zip.Entries.Single(e => e.FullName.StartsWith("database/", StringComparison.Ordinal));
                var name = database.FullName;
                database.Delete();
                using var forged = zip.CreateEntry(name).Open();
                forged.Write(Encoding.ASCII.GetBytes("not the database"));
            }

            await using var target = await TestDatabase.CreateAsync(lane);
            var (exit, output) = await Cli.RunAsync(target, "restore", archive);

            Assert.Equal(2, exit);
            Assert.Contains("备份文件已损坏或不完整", output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(target.DataDirectory, "tongban.db")));
            Assert.False(Directory.Exists(Path.Combine(target.DataDirectory, "keys")));
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [Fact]
    public async Task Without_pg_dump_a_PostgreSQL_backup_says_what_is_missing_and_writes_no_archive()
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseLane.Postgres);
        await using (var app = new TongbanApp(source, new Dictionary<string, string?> { ["Region:SeedDemoWhenEmpty"] = "false" })) _ = app.Server;
        var archive = Temp("zip");
        var (exit, output) = await Cli.RunAsync(source, new Dictionary<string, string?> { ["Backup:PgDumpPath"] = "/nonexistent/pg_dump" }, "backup", "--out", archive);
        Assert.Equal(2, exit);
        Assert.Contains("pg_dump was not found at /nonexistent/pg_dump", output, StringComparison.Ordinal);
        Assert.False(File.Exists(archive));
    }

    private static string Temp(string extension) => Path.Combine(Path.GetTempPath(), $"tongban-drill-{Guid.NewGuid():N}.{extension}");

    private static async Task<HttpClient> SignInAsync(TongbanApp app)
    {
        var client = app.Browser();
        using var signIn = await client.PostFormAsync("/account/sign-in", "/account/sign-in?handler=Password", ("Login", DemoCitizen), ("Password", "Tongban-Demo-2026"));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    /// <summary>Applies for the item: each required material from the registry where it has a record, else the PDF; returns the case number and the uploaded material's key.</summary>
    private static async Task<(string Number, string Key)> ApplyAsync(HttpClient citizen, byte[] pdf)
    {
        var item = await citizen.GetFromJsonAsync<JsonElement>($"/api/applications/items/{Item}");
        using var started = await citizen.PostAsJsonAsync("/api/applications/drafts", new { itemCode = Item });
        var draft = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var uploaded = "";
        foreach (var material in item.GetProperty("materials").EnumerateArray().Where(m => m.GetProperty("required").GetBoolean()))
        {
            var key = material.GetProperty("key").GetString()!;
            var fact = $"/api/applications/drafts/{draft}/materials/{key}/fact";
            using var preview = await citizen.GetAsync(fact);
            using var given = preview.IsSuccessStatusCode
                ? await citizen.PostAsJsonAsync(fact, new { agree = true })
                : await citizen.PostAsync($"/api/applications/drafts/{draft}/materials/{key}", new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "申请表.pdf" } });
            Assert.True(given.IsSuccessStatusCode, await given.Content.ReadAsStringAsync());
            if (!preview.IsSuccessStatusCode) uploaded = key;
        }
        using var submitted = await citizen.PostAsJsonAsync($"/api/applications/drafts/{draft}/submit", new { form = FormAnswers.For(item.GetProperty("form")) });
        var body = await submitted.Content.ReadAsStringAsync();
        Assert.True(submitted.IsSuccessStatusCode, body);
        Assert.NotEmpty(uploaded);
        return (JsonDocument.Parse(body).RootElement.GetProperty("number").GetString()!, uploaded);
    }
}
