using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Licenses.Contracts;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Tests;

/// <summary>Historical files for the import tests: 食品经营许可证 lines of the market regulator, each number unique to the test.</summary>
internal static class History
{
    public const string Company = "91211221TB000001X2", CompanyName = "铁岭县通办示范商贸有限公司";
    public const string Header = "type_code,issuer_code,number,holder_code,holder_name,issued_on,valid_until,operator,legal_representative,address,business_form,activities";

    public static string Line(string number, string issuer = Samples.Samr, string holder = Company, string name = CompanyName, string issuedOn = "2019-04-01",
        string validUntil = "2024-03-31", string type = Samples.FoodLicence, string address = "铁岭县新台子镇懿路村88号") =>
        $"{type},{issuer},{number},{holder},{name},{issuedOn},{validUntil},{name},张建国,{address},食品销售经营者,预包装食品销售";

    public static string Number() => "JY" + Guid.NewGuid().ToString("N")[..14].ToUpperInvariant();

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join('\n', [Header, .. lines]) + "\n");

    public static async Task<HistoryImportSummary> ImportAsync(this TongbanApp app, byte[] file, int chunk = 2_000, IProgress<HistoryImportProgress>? progress = null,
        bool jsonLines = false, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILicenseHistory>()
            .ImportAsync(new HistoryImportRequest("test.csv", () => new MemoryStream(file, false), jsonLines, "user:importer", chunk), progress, ct);
    }

    public static async Task<List<License>> ImportedAsync(this TongbanApp app, Guid run)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var prefix = $"import:{run:N}:";
        return await scope.ServiceProvider.GetRequiredService<LicensesDbContext>().Licenses.AsNoTracking().Where(l => l.SourceKey!.StartsWith(prefix)).ToListAsync();
    }

    public static async Task<List<ImportRejection>> RejectionsAsync(this TongbanApp app, Guid run)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LicensesDbContext>().ImportRejections.AsNoTracking().Where(r => r.RunId == run).OrderBy(r => r.Line).ToListAsync();
    }
}
