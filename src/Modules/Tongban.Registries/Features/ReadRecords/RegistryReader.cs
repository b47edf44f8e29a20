using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Registries.Contracts;
using Tongban.Registries.Data;
using Tongban.Registries.Domain;
using Tongban.Registries.Features.LogAccess;

namespace Tongban.Registries.Features.ReadRecords;

/// <summary>
/// Every read of a registry record goes through here: exact key only, only the fields asked for, and the
/// read logged (with a keyed hash of the subject) before the answer is returned.
/// </summary>
internal sealed class RegistryReader(RegistriesDbContext db, CurrentRecords current, AccessLog log, SubjectHasher hasher) : IRegistryRecords
{
    public IReadOnlyList<RegistryDescription> Registries => RegistryShapes.All;

    public async Task<IReadOnlyList<RegistryRecordView>> ReadAsync(RegistryKind kind, string key, IReadOnlyCollection<string> fields, RegistryRead read, CancellationToken cancellationToken)
    {
        var description = RegistryShapes.Of(kind);
        var unknown = fields.Where(f => !description.Fields.Any(d => d.Name == f)).ToList();
        if (unknown.Count > 0)
            throw new DomainException(unknown.Select(f => new DomainError("registry.field_unknown",
                $"{description.Chinese}没有数据项“{f}”", $"The {description.English.ToLowerInvariant()} has no field '{f}'", ErrorKind.BadRequest, f)).ToList());
        if (fields.Count == 0)
            throw new DomainException(new DomainError("registry.fields_empty", "请列出需要的数据项", "Name the fields you need", ErrorKind.BadRequest, "fields"));
        CheckRead(read);
        var exact = ExactKey(kind, key, description);

        var started = Stopwatch.GetTimestamp();
        var records = await current.ReadAsync(kind, exact, cancellationToken);
        var elapsed = (int)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        await log.RecordAsync(new AccessDraft(read, description.Code, exact, records.Count, elapsed), cancellationToken);
        return records.Select(r => new RegistryRecordView(fields.ToDictionary(f => f, f => r[f], StringComparer.Ordinal))).ToList();
    }

    /// <summary>
    /// A read names exactly one subject by a well-formed key: no wildcards, no empty key, so the registries
    /// cannot be enumerated through any caller.
    /// </summary>
    private static string ExactKey(RegistryKind kind, string? key, RegistryDescription description)
    {
        var k = key?.Trim() ?? "";
        if (k.Length == 0)
            throw new DomainException(new DomainError("registry.key_empty", $"请给出要查询的{description.KeyField}", $"Give the {description.KeyField} to look up", ErrorKind.BadRequest, description.KeyField));
        if (k.AsSpan().IndexOfAny("*%?".AsSpan()) >= 0)
            throw new DomainException(new DomainError("registry.key_wildcard", "只能按完整的编码查询单个对象，不支持通配符",
                "Look up one subject by its full key; wildcards are refused", ErrorKind.BadRequest, description.KeyField));
        DomainError? error = null;
        switch (kind)
        {
            case RegistryKind.Population:
                if (ResidentIdNumber.TryParse(k, out var id, out error)) return id.Value.Value;
                break;
            case RegistryKind.LegalEntities:
                if (CreditCode.TryParse(k, out var code, out error)) return code.Value.Value;
                break;
            case RegistryKind.CreditLists:
                if (PersonOrEntity(k) is { } subject) return subject;
                error = SubjectInvalid;
                break;
            default:
                if (k.Length <= 40) return k;
                error = new DomainError("registry.code_length", "编码不超过40个字符", "A code has at most 40 characters");
                break;
        }
        throw new DomainException(error! with { Field = description.KeyField });
    }

    /// <summary>A person's ID number or an entity's credit code, in its normal form; null when it is neither.</summary>
    internal static string? PersonOrEntity(string key) =>
        ResidentIdNumber.TryParse(key, out var person, out _) ? person.Value.Value
        : CreditCode.TryParse(key, out var entity, out _) ? entity.Value.Value
        : null;

    internal static readonly DomainError SubjectInvalid = new("registry.subject_invalid", "主体代码应为有效的居民身份证号码或统一社会信用代码",
        "The subject code must be a valid ID number or credit code");

    internal static void CheckRead(RegistryRead read)
    {
        if (string.IsNullOrWhiteSpace(read.Purpose))
            throw new DomainException(new DomainError("registry.purpose_missing", "每次查询都须说明用途", "Every read must state its purpose", ErrorKind.BadRequest, "purpose"));
        if (read.OnBehalfOf is { } user && ResidentIdNumber.TryParse(user, out _, out _))
            throw new DomainException(new DomainError("registry.on_behalf_of_id", "经办人请填写账号，不要填写身份证号码",
                "Name the end user by account, not by ID number", ErrorKind.BadRequest, "onBehalfOf"));
    }

    public async Task<IReadOnlyList<RegistryCount>> CountAsync(CancellationToken cancellationToken)
    {
        async Task<RegistryCount> Count<T>(RegistryDescription d, DbSet<T> set) where T : RegistryRecord =>
            new(d.Kind, d.Code, await set.LongCountAsync(r => r.ValidTo == null, cancellationToken), await set.LongCountAsync(cancellationToken));
        return
        [
            await Count(RegistryShapes.Population, db.Persons),
            await Count(RegistryShapes.LegalEntities, db.LegalEntities),
            await Count(RegistryShapes.Geospatial, db.GeoFeatures),
            await Count(RegistryShapes.CreditLists, db.CreditEntries),
        ];
    }

    public async Task<IReadOnlyList<AccessView>> ReadsOfAsync(string subjectKey, int limit, CancellationToken cancellationToken)
    {
        var hash = await hasher.HashAsync(subjectKey, cancellationToken);
        return await db.AccessLog.AsNoTracking().Where(a => a.SubjectHash == hash).OrderByDescending(a => a.Sequence).Take(Math.Clamp(limit, 1, 1000))
            .Select(a => new AccessView(a.At, a.Caller, a.CallerDepartment, a.OnBehalfOf, a.Purpose, a.Resource, a.ResultCount))
            .ToListAsync(cancellationToken);
    }

    public async Task<CallStatistics> CallStatisticsAsync(CancellationToken cancellationToken)
    {
        var byDepartment = await db.AccessCounts.AsNoTracking().GroupBy(a => a.Department)
            .Select(g => new CallCount(g.Key, g.Sum(a => a.Calls), g.Sum(a => a.Records))).ToListAsync(cancellationToken);
        var byResource = await db.AccessCounts.AsNoTracking().GroupBy(a => a.Resource)
            .Select(g => new CallCount(g.Key, g.Sum(a => a.Calls), g.Sum(a => a.Records))).ToListAsync(cancellationToken);
        return new(byDepartment.Sum(c => c.Calls), [.. byDepartment.OrderByDescending(c => c.Calls)], [.. byResource.OrderByDescending(c => c.Calls)]);
    }

    public async Task<PersonCheck> VerifyPersonAsync(string idNumber, string name, RegistryRead read, CancellationToken cancellationToken)
    {
        if (!ResidentIdNumber.TryParse(idNumber, out _, out _)) return PersonCheck.NoMatch;
        var found = await ReadAsync(RegistryKind.Population, idNumber, ["name", "status"], read, cancellationToken);
        if (found is not [var person] || !SameName(person.Fields["name"], name)) return PersonCheck.NoMatch;
        return (string?)person.Fields["status"] == "deceased" ? PersonCheck.Deceased : PersonCheck.Match;
    }

    public async Task<EntityCheck> VerifyEntityAsync(string creditCode, string name, RegistryRead read, CancellationToken cancellationToken)
    {
        if (!CreditCode.TryParse(creditCode, out _, out _)) return EntityCheck.NoMatch;
        var found = await ReadAsync(RegistryKind.LegalEntities, creditCode, ["name", "status"], read, cancellationToken);
        if (found is not [var entity] || !SameName(entity.Fields["name"], name)) return EntityCheck.NoMatch;
        return (string?)entity.Fields["status"] == "active" ? EntityCheck.Match : EntityCheck.Inactive;
    }

    public async Task<RepresentativeCheck> VerifyRepresentativeAsync(string creditCode, string name, string idNumber, RegistryRead read, CancellationToken cancellationToken)
    {
        if (!CreditCode.TryParse(creditCode, out _, out _) || !ResidentIdNumber.TryParse(idNumber, out var person, out _)) return RepresentativeCheck.Unknown;
        var found = await ReadAsync(RegistryKind.LegalEntities, creditCode, ["name", "status", "legalRepresentativeIdNumber"], read, cancellationToken);
        if (found is not [var entity]) return RepresentativeCheck.Unknown;
        if (!SameName(entity.Fields["name"], name)) return RepresentativeCheck.NameDiffers;
        if ((string?)entity.Fields["status"] != "active") return RepresentativeCheck.Inactive;
        return entity.Fields["legalRepresentativeIdNumber"] is not string recorded ? RepresentativeCheck.Unknown
            : string.Equals(recorded, person.Value.Value, StringComparison.Ordinal) ? RepresentativeCheck.Representative : RepresentativeCheck.NotRepresentative;
    }

    private static bool SameName(object? stored, string given) => string.Equals((string?)stored, given?.Trim(), StringComparison.Ordinal);

    public static string Format(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        JsonElement j => j.GetRawText(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
