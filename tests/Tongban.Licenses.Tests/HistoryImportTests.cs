using System.Net;
using System.Net.Http.Json;
using System.Text;
using Tongban.Licenses.Contracts;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Tests;

public sealed class HistoryImportTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task A_file_with_bad_lines_imports_the_good_ones_sealed_by_their_authority_and_names_each_bad_one(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (a, b, c) = (History.Number(), History.Number(), History.Number());
        var file = History.Csv(
            History.Line(a),                                                        // line 2: good
            History.Line(History.Number(), holder: "91211221TB000001X3"),           // 3: wrong check character
            History.Line(History.Number(), name: ""),                               // 4: holder's name missing
            History.Line(History.Number(), issuer: "12211200MB1234567A"),           // 5: unknown authority
            History.Line(History.Number(), issuer: Samples.Psb),                    // 6: an authority that does not issue the type
            History.Line(History.Number(), issuedOn: "2020-05-01", validUntil: "2020-04-01"), // 7: issued after expiry
            History.Line(a),                                                        // 8: the number of line 2 again
            History.Line(History.Number(), name: "另一家商贸有限公司"),                 // 9: the registry holds another name
            History.Line(b),                                                        // 10: good
            History.Line(c, type: "11100000MB0143028R999"));                        // 11: no such type

        var summary = await app.ImportAsync(file);

        Assert.Equal((10L, 2L, 8L), (summary.Lines, summary.Imported, summary.Rejected));
        var rejections = await app.RejectionsAsync(summary.RunId);
        Assert.Equal(new (long, string)[]
        {
            (3, "license.holder_code"), (4, "license_import.missing"), (5, "license.issuer_unknown"), (6, "license.issuer_not_listed"),
            (7, "license.issued_after_expiry"), (8, "license_import.duplicate_in_file"), (9, "license_import.holder_name_mismatch"), (11, "license_import.type_unknown"),
        }, rejections.Select(r => (r.Line, r.Reasons[0].Code)));
        Assert.All(rejections.SelectMany(r => r.Reasons), r => Assert.True(r.Zh.Length > 0 && r.En.Length > 0));

        var imported = await app.ImportedAsync(summary.RunId);
        Assert.Equal(new[] { a, b }.Order(), imported.Select(l => l.Number).Order()); // both sorted: the numbers are random
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        foreach (var license in imported)
        {
            Assert.Equal((LicenseSource.Import, Samples.Samr), (license.Source, license.IssuerCode));
            var view = await (await admin.GetAsync($"/api/licenses/admin/licenses/{license.Identifier}")).JsonAsync();
            Assert.True(view.GetProperty("signatureValid").GetBoolean());
        }
    }

    [Theory, DatabaseLanes]
    public async Task A_number_already_in_the_library_is_refused_on_the_next_import_and_the_same_file_again_imports_nothing_twice(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var number = History.Number();
        var first = await app.ImportAsync(History.Csv(History.Line(number)));
        Assert.Equal(1, first.Imported);

        var second = await app.ImportAsync(History.Csv(History.Line(number), History.Line(History.Number())));

        Assert.Equal((1L, 1L), (second.Imported, second.Rejected));
        Assert.Equal("license_import.duplicate_in_library", (await app.RejectionsAsync(second.RunId))[0].Reasons[0].Code);
    }

    [Theory, DatabaseLanes]
    public async Task An_interrupted_import_resumes_after_its_last_committed_chunk_and_every_line_ends_once_as_a_license_or_a_rejection(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var lines = Enumerable.Range(0, 7).Select(i => i == 3 ? History.Line(History.Number(), holder: "BAD") : History.Line(History.Number())).ToArray();
        var file = History.Csv(lines);
        using var stop = new CancellationTokenSource();
        var progress = new Reporter(p => { if (p.LinesRead >= 4) stop.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.ImportAsync(file, chunk: 2, progress, ct: stop.Token));
        var resumed = await app.ImportAsync(file, chunk: 2);

        Assert.Equal(4, resumed.ResumedAfterLine);
        Assert.Equal((7L, 6L, 1L), (resumed.Lines, resumed.Imported, resumed.Rejected));
        Assert.Equal(6, (await app.ImportedAsync(resumed.RunId)).Count);
        Assert.Equal([5L], (await app.RejectionsAsync(resumed.RunId)).Select(r => r.Line));
    }

    [Theory, DatabaseLanes]
    public async Task JSON_Lines_import_the_same_way_and_a_line_that_is_not_JSON_is_named(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var number = History.Number();
        var good = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type_code"] = Samples.FoodLicence, ["issuer_code"] = Samples.Samr, ["number"] = number, ["holder_code"] = History.Company, ["holder_name"] = History.CompanyName,
            ["issued_on"] = "2018-01-02", ["operator"] = History.CompanyName, ["legal_representative"] = "张建国", ["address"] = "铁岭县新台子镇懿路村88号",
            ["business_form"] = "食品销售经营者", ["activities"] = "预包装食品销售",
        });

        var summary = await app.ImportAsync(Encoding.UTF8.GetBytes($"{good}\n{{not json\n"), jsonLines: true);

        Assert.Equal((1L, 1L), (summary.Imported, summary.Rejected));
        Assert.Equal((2L, "license_import.unreadable"), (await app.RejectionsAsync(summary.RunId)).Select(r => (r.Line, r.Reasons[0].Code)).Single());
    }

    [Theory, DatabaseLanes]
    public async Task A_corrected_rejection_is_imported_once_sealed_and_a_still_wrong_one_keeps_its_new_reasons(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var number = History.Number();
        var summary = await app.ImportAsync(History.Csv(History.Line(number, name: "另一家商贸有限公司")));
        var rejection = (await app.RejectionsAsync(summary.RunId)).Single();
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var record = new Dictionary<string, string?>(rejection.Record.ToDictionary(p => p.Key, p => (string?)p.Value)) { ["holder_name"] = History.CompanyName, ["issued_on"] = "2019-13-01" };

        var stillWrong = await (await admin.PostAsJsonAsync($"/api/licenses/admin/import-rejections/{rejection.Id}/resubmit", new { record }))
            .JsonAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(stillWrong.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "license_import.date");

        record["issued_on"] = "2019-03-01";
        var fixedAnswer = await (await admin.PostAsJsonAsync($"/api/licenses/admin/import-rejections/{rejection.Id}/resubmit", new { record })).JsonAsync();
        var identifier = fixedAnswer.GetProperty("identifier").GetString()!;
        var view = await (await admin.GetAsync($"/api/licenses/admin/licenses/{identifier}")).JsonAsync();
        Assert.True(view.GetProperty("signatureValid").GetBoolean());
        var after = (await app.RejectionsAsync(summary.RunId)).Single();
        Assert.Equal((RejectionState.Resolved, identifier), (after.State, after.Identifier));

        using var again = await admin.PostAsJsonAsync($"/api/licenses/admin/import-rejections/{rejection.Id}/resubmit", new { record });
        Assert.Equal("license_import.closed", await again.ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Single(await app.ImportedAsync(summary.RunId));
    }

    [Theory, DatabaseLanes]
    public async Task An_administrator_of_another_authority_cannot_correct_or_dismiss_a_rejection_and_it_stays_open(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var summary = await app.ImportAsync(History.Csv(History.Line(History.Number(), name: "另一家商贸有限公司")));
        var rejection = (await app.RejectionsAsync(summary.RunId)).Single();
        var psb = await app.LicenseAdminAsync(Samples.Psb);

        using var resubmit = await psb.PostAsJsonAsync($"/api/licenses/admin/import-rejections/{rejection.Id}/resubmit",
            new { record = new Dictionary<string, string>(rejection.Record) { ["holder_name"] = History.CompanyName } });
        using var dismiss = await psb.PostAsJsonAsync($"/api/licenses/admin/import-rejections/{rejection.Id}/dismiss", new { reason = "越权" });

        Assert.Equal("license.other_authority", await resubmit.ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal("license.other_authority", await dismiss.ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal(RejectionState.Open, (await app.RejectionsAsync(summary.RunId)).Single().State);
        Assert.Empty(await app.ImportedAsync(summary.RunId));
    }

    [Theory, DatabaseLanes]
    public async Task Statistics_count_imports_and_rejections_per_type_and_authority_and_an_authority_sees_only_its_own(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var before = await FoodRowAsync(admin);
        await app.ImportAsync(History.Csv(History.Line(History.Number()), History.Line(History.Number()), History.Line(History.Number(), name: "另一家商贸有限公司")));

        var after = await FoodRowAsync(admin);

        Assert.Equal((before.Imported + 2, before.Rejected + 1), (after.Imported, after.Rejected));
        var rows = await (await admin.GetAsync("/api/licenses/admin/statistics")).JsonAsync();
        Assert.All(rows.EnumerateArray(), r => Assert.Equal(Samples.Samr, r.GetProperty("issuerCode").GetString()));
    }

    private static async Task<(long Imported, long Rejected)> FoodRowAsync(HttpClient admin)
    {
        var rows = await (await admin.GetAsync("/api/licenses/admin/statistics")).JsonAsync();
        var row = rows.EnumerateArray().FirstOrDefault(r => r.GetProperty("typeCode").GetString() == Samples.FoodLicence);
        return row.ValueKind == System.Text.Json.JsonValueKind.Undefined ? (0, 0) : (row.GetProperty("imported").GetInt64(), row.GetProperty("rejected").GetInt64());
    }

    private sealed class Reporter(Action<HistoryImportProgress> report) : IProgress<HistoryImportProgress>
    {
        public void Report(HistoryImportProgress value) => report(value);
    }
}
