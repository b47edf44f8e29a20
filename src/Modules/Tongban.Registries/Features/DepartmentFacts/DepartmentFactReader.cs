using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
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
/// the purpose its definition names; the subject is one person or entity by a well-formed key.
/// </summary>
internal sealed class DepartmentFactReader(RegistriesDbContext db, AccessLog log, IServiceProvider services, RegionClock clock)
{
    /// <summary>The name of the access log's "registry" column for reads of departments' systems.</summary>
    public const string Source = "department";

    public async Task<RegistryFact?> FetchAsync(string fact, string subjectKey, RegistryRead read, CancellationToken cancellationToken)
    {
        var definition = await db.DepartmentFacts.AsNoTracking().SingleOrDefaultAsync(f => f.Name == fact, cancellationToken)
            ?? throw new DomainException(new DomainError("registry.fact_unknown", $"没有名为“{fact}”的数据项组合", $"There is no fact named '{fact}'", ErrorKind.BadRequest, "fact"));
        RegistryReader.CheckRead(read);
        var subject = Subject(subjectKey);
        var systems = services.GetService<IDepartmentSystems>()
            ?? throw Unavailable(definition, new DomainError("registry.no_exchange", "本平台尚未接入部门数据", "this platform is not connected to departments' data yet"));

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

    // A department's system is asked about one person (ID number) or one entity (credit code), never anything looser.
    private static string Subject(string key)
    {
        var k = key?.Trim() ?? "";
        if (ResidentIdNumber.TryParse(k, out var person, out _)) return person.Value.Value;
        if (CreditCode.TryParse(k, out var entity, out _)) return entity.Value.Value;
        throw new DomainException(new DomainError("registry.subject_invalid", "主体代码应为有效的居民身份证号码或统一社会信用代码",
            "The subject code must be a valid ID number or credit code", ErrorKind.BadRequest, "subject"));
    }

    private static DomainException Unavailable(DepartmentFact fact, DomainError reason) =>
        new(new DomainError("registry.department_unavailable", $"暂时无法从部门系统取得“{fact.Chinese}”：{reason.Chinese.TrimEnd('。')}。请稍后再试，或上传该材料",
            $"'{fact.English}' cannot be fetched from the department's system now: {reason.English.TrimEnd('.')}. Try again later, or upload the material", ErrorKind.Conflict));
}
