using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;

namespace Tongban.Testing;

public static class AuditTrail
{
    /// <summary>The audit entries about a subject, after the outbox has carried them to the chain.</summary>
    public static async Task<List<(string Actor, string Action, string? Details)>> AuditOfAsync(this TongbanApp app, string subject)
    {
        await app.DrainOutboxAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<KernelDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Subject == subject).OrderBy(e => e.Sequence).Select(e => new { e.Actor, e.Action, e.Details }).ToListAsync();
        return [.. entries.Select(e => (e.Actor, e.Action, e.Details))];
    }
}
