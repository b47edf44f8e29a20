using Microsoft.Extensions.DependencyInjection;
using Tongban.Licenses.Domain;
using Tongban.Registries.Contracts;

namespace Tongban.Licenses.Features.ImportHistory;

/// <summary>
/// The holder's name against the base registries (人口库 / 法人库): a holder the registry holds under another name is
/// refused; one it does not hold passes (a historical holder may have moved away — the registry cannot say the name is
/// wrong). Each look-up is a logged read (caller the licenses module, purpose the import's quality check); they run
/// side by side, each in its own scope, so the access log's group commit carries many in one transaction.
/// </summary>
internal sealed class HolderNames(IServiceScopeFactory scopes)
{
    private const int Parallel = 32;

    public async Task<HashSet<long>> MismatchesAsync(IReadOnlyList<HistoryCandidate> candidates, string actor, CancellationToken ct)
    {
        var wrong = new HashSet<long>();
        var read = new RegistryRead("module:licenses", null, actor, "历史证照导入质量核查 / historical license import quality check", "licenses.import");
        await System.Threading.Tasks.Parallel.ForEachAsync(candidates, new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct }, async (c, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var registries = scope.ServiceProvider.GetRequiredService<IRegistryRecords>();
            var holder = c.Input.Holder;
            var kind = holder.Kind == HolderKind.Person ? RegistryKind.Population : RegistryKind.LegalEntities;
            var found = await registries.ReadAsync(kind, holder.Code, ["name"], read, token);
            if (found is [var record] && record.Fields.GetValueOrDefault("name") is string name && !string.Equals(name, holder.Name, StringComparison.Ordinal))
                lock (wrong) wrong.Add(c.Line);
        });
        return wrong;
    }

    public static RejectionReason Reason => new("holder_name", "license_import.holder_name_mismatch",
        "持证主体名称与基础库登记的不一致", "The holder's name differs from the one the base registry holds");
}
