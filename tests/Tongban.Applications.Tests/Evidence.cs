using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Applications.Data;
using Tongban.Kernel.Data;

namespace Tongban.Applications.Tests;

/// <summary>What the tests look at behind the API: the files in the store, and the audit records in the outbox.</summary>
internal static class Evidence
{
    public static async Task<bool> DownloadAuditedAsync(TongbanApp app, string number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        return await db.OutboxMessages.AnyAsync(m => m.Type == "kernel.audit" && m.Payload.Contains("applications.material_downloaded") && m.Payload.Contains(number),
            TestContext.Current.CancellationToken);
    }

    public static int StoredFileCount(TongbanApp app)
    {
        var root = Path.Combine(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory, "files");
        return Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count() : 0;
    }
}
