using Microsoft.Extensions.Options;
using Tongban.Kernel.Errors;
using Tongban.Registries.Contracts;
using Tongban.Sharing.Contracts;

namespace Tongban.Exchange.Features.QueryRecords;

/// <summary>A query: one subject's key, the fields wanted, why, and optionally how many records at most.</summary>
internal sealed record QueryInput(string? Key, IReadOnlyList<string>? Fields, string? Purpose, int? PageSize, IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Filters);

/// <summary>Who calls: the client, its department and the end user it acts for.</summary>
internal sealed record Caller(string ClientId, string Department, string? OnBehalfOf);

internal sealed record QueryAnswer(string Resource, int Count, IReadOnlyList<IReadOnlyDictionary<string, object?>> Records);

/// <summary>
/// One exchange call, checked in the order that tells the caller the most useful thing: the resource
/// exists and is published; the query is a single-subject look-up with known fields; the caller's department
/// holds a live grant covering those fields. Then the registries read and log.
/// </summary>
internal sealed class QueryRecords(IDataGrants grants, IRegistryRecords registries, IOptions<ExchangeOptions> options)
{
    public async Task<QueryAnswer> RunAsync(string resourceCode, QueryInput input, Caller caller, CancellationToken cancellationToken)
    {
        var resource = await grants.FindPublishedResourceAsync(resourceCode, cancellationToken)
            ?? throw new DomainException(DomainError.NotFound($"已发布的资源{resourceCode}", $"Published resource {resourceCode}"));
        if (resource.Registry is not { } registry)
            throw new DomainException(new DomainError("exchange.no_online_source", $"资源{resource.Name}没有在线数据源，请按目录约定的方式（库表）共享",
                $"Resource {resource.Code} has no online source; it is shared as a table", ErrorKind.Conflict));

        CheckQueryShape(input);
        var fields = input.Fields!.Select(f => f.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var unknown = fields.Where(f => !resource.Items.Contains(f, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
            throw new DomainException(unknown.Select(f => new DomainError("exchange.field_unknown",
                $"资源{resource.Name}没有数据项“{f}”", $"Resource {resource.Code} has no field '{f}'", ErrorKind.BadRequest, f)).ToList());

        var grant = await grants.FindGrantAsync(caller.Department, resource.Code, cancellationToken);
        switch (grant.Status)
        {
            case GrantStatus.NoGrant:
                throw Forbidden("exchange.no_grant", $"本部门没有资源{resource.Name}的共享授权，请先申请", $"Your department holds no grant for {resource.Code}; request one first");
            case GrantStatus.NotYetValid:
                throw Forbidden("exchange.grant_not_yet_valid", $"资源{resource.Name}的授权自{grant.ValidFrom:yyyy-MM-dd}起生效", $"The grant for {resource.Code} starts on {grant.ValidFrom:yyyy-MM-dd}");
            case GrantStatus.Expired:
                throw Forbidden("exchange.grant_expired", $"资源{resource.Name}的授权已于{grant.ValidUntil:yyyy-MM-dd}到期", $"The grant for {resource.Code} expired on {grant.ValidUntil:yyyy-MM-dd}");
            case GrantStatus.Revoked:
                throw Forbidden("exchange.grant_revoked", $"资源{resource.Name}的授权已被撤销", $"The grant for {resource.Code} has been revoked");
        }
        var notGranted = fields.Where(f => !grant.Fields.Contains(f, StringComparer.Ordinal)).ToList();
        if (notGranted.Count > 0)
            throw new DomainException(notGranted.Select(f => new DomainError("exchange.field_not_granted",
                $"未获授权的数据项“{f}”", $"Field '{f}' is not granted to your department", ErrorKind.Forbidden, f)).ToList());

        var read = new RegistryRead(caller.ClientId, caller.Department, caller.OnBehalfOf, input.Purpose!.Trim(), resource.Code);
        var records = await registries.ReadAsync(registry, input.Key!, fields, read, cancellationToken);
        return new QueryAnswer(resource.Code, records.Count, [.. records.Select(r => r.Fields)]);
    }

    /// <summary>A query names one subject by its full key; anything that would list many subjects is refused with the reason.</summary>
    private void CheckQueryShape(QueryInput input)
    {
        var errors = new List<DomainError>();
        if (input.Filters is { Count: > 0 })
            errors.Add(new("exchange.filters_refused", "不支持按条件筛选，只能按完整的主体编码查询单个对象",
                "Filters are refused: look up one subject by its full key", ErrorKind.BadRequest, "filters"));
        if (string.IsNullOrWhiteSpace(input.Key))
            errors.Add(new("exchange.key_missing", "请给出要查询对象的编码（身份证号码、统一社会信用代码等）",
                "Give the key of the subject to look up (ID number, credit code, …)", ErrorKind.BadRequest, "key"));
        if (input.PageSize is { } size && (size < 1 || size > options.Value.MaxPageSize))
            errors.Add(new("exchange.page_size", $"每次最多返回{options.Value.MaxPageSize}条记录", $"At most {options.Value.MaxPageSize} records per call", ErrorKind.BadRequest, "pageSize"));
        if (input.Fields is not { Count: > 0 })
            errors.Add(new("exchange.fields_missing", "请列出需要的数据项", "List the fields you need", ErrorKind.BadRequest, "fields"));
        if (string.IsNullOrWhiteSpace(input.Purpose))
            errors.Add(new("exchange.purpose_missing", "请说明本次查询的用途", "State the purpose of this query", ErrorKind.BadRequest, "purpose"));
        if (errors.Count > 0) throw new DomainException(errors);
    }

    private static DomainException Forbidden(string code, string chinese, string english) =>
        new(new DomainError(code, chinese, english, ErrorKind.Forbidden, "resource"));
}
