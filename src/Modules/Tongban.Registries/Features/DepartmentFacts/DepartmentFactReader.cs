using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;
using Tongban.Registries.Contracts;
using Tongban.Registries.Data;
using Tongban.Registries.Domain;
using Tongban.Registries.Features.LogAccess;
using Tongban.Registries.Features.ReadRecords;

namespace Tongban.Registries.Features.DepartmentFacts;

/// <summary>
/// A fact of a department's own system (<see cref="DepartmentFact"/>), read through <see cref="IDepartmentSystems"/> (the
/// exchange nodes) and logged like a registry read — in the same access log, under the sharing resource it went through,
/// so the person sees it in "who read my data" — before the answer is returned. Only the fact's items are asked for, for
/// the purpose its definition names; the subject is one person or entity by a well-formed key. Without the exchange
/// nodes module (no <see cref="IDepartmentSystems"/> registered) every department fact is unavailable.
/// </summary>
internal sealed class DepartmentFactReader(RegistriesDbContext db, AccessLog log, RegionClock clock, IDepartmentSystems? systems = null)
{
    /// <summary>The name of the access log's "registry" column for reads of departments' systems.</summary>
    public const string Source = "department";

    public async Task<RegistryFact?> FetchAsync(string fact, string subjectKey, RegistryRead read, CancellationToken cancellationToken)
    {
        var definition = await db.DepartmentFacts.AsNoTracking().SingleOrDefaultAsync(f => f.Name == fact, cancellationToken)
            ?? throw new DomainException(new DomainError("registry.fact_unknown", $"没有名为“{fact}”的数据项组合", $"There is no fact named '{fact}'", ErrorKind.BadRequest, "fact"));
        RegistryReader.CheckRead(read);
        var subject = RegistryReader.PersonOrEntity(subjectKey?.Trim() ?? "") ?? throw new DomainException(RegistryReader.SubjectInvalid with { Kind = ErrorKind.BadRequest, Field = "subject" });
        if (systems is null) throw Unavailable(definition, new DomainError("registry.no_exchange", "本平台尚未接入部门数据", "this platform is not connected to departments' data yet"));

        var started = Stopwatch.GetTimestamp();
        IReadOnlyDictionary<string, string?>? values;
        try
        {
            values = await systems.ReadAsync(new DepartmentRead(definition.Resource, [.. definition.Items.Select(i => i.Name)], definition.Purpose, subject,
                read.OnBehalfOf ?? read.Caller), cancellationToken);
        }
        catch (DomainException e)
        {
            throw Unavailable(definition, e.Errors[0]);
        }
        var elapsed = (int)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        await log.RecordAsync(new AccessDraft(read with { Resource = definition.Resource }, Source, subject, values is null ? 0 : 1, elapsed), cancellationToken);
        return values is null ? null : new RegistryFact(fact, definition.Chinese, definition.English,
            [.. definition.Items.Select(i => values.GetValueOrDefault(i.Name) is { Length: > 0 } v ? new FactValue(i.Name, i.Chinese, i.English, v) : new FactValue(i.Name, i.Chinese, i.English, "无", "None"))],
            clock.Today);
    }

    private static DomainException Unavailable(DepartmentFact fact, DomainError reason) =>
        new(new DomainError("registry.department_unavailable", $"暂时无法从部门系统取得“{fact.Chinese}”：{reason.Chinese.TrimEnd('。')}。请稍后再试，或上传该材料",
            $"'{fact.English}' cannot be fetched from the department's system now: {reason.English.TrimEnd('.')}. Try again later, or upload the material", ErrorKind.Conflict));
}
