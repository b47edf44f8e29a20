using Tongban.Applications.Domain;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Registries.Contracts;

namespace Tongban.Applications.Features.ProvideMaterials;

/// <summary>Whose record a fact is read from: the applicant (their ID number), or an enterprise they represent (its credit code).</summary>
internal sealed record FactSubject(string Key, string? CreditCode);

/// <summary>
/// Reads a registry fact for a material. A fact of the legal-entity registry (营业执照 → <c>legal-entity.registration</c>)
/// is about an enterprise: it is read by the credit code of an enterprise the applicant represents (the one they chose,
/// or their only one), never by their own ID number; any other fact is about the applicant.
/// </summary>
internal sealed class FactSubjects(IRegistryVerification registries, IAccountDirectory accounts)
{
    public static bool IsAboutEnterprise(string fact) => fact.StartsWith("legal-entity.", StringComparison.Ordinal);

    /// <summary>The enterprises the applicant represents, for them to choose whose record a fact is read from.</summary>
    public Task<IReadOnlyList<EnterpriseInfo>> EnterprisesAsync(Guid applicant, CancellationToken ct) => accounts.RepresentedEnterprisesAsync(applicant, ct);

    public async Task<FactSubject> ChooseAsync(FactRequest request, string? enterprise, CancellationToken ct)
    {
        var material = request.Material;
        var fact = material.RegistryFact ?? throw new DomainException(new DomainError("material.no_registry_fact", $"“{material.Name}”不能从登记信息中取得",
            $"'{material.Name}' cannot be taken from a registry", ErrorKind.Conflict, $"facts.{material.Key}"));
        if (!IsAboutEnterprise(fact)) return new FactSubject(await accounts.OwnIdNumberAsync(request.Applicant, ct) ?? "", null);
        var mine = await accounts.RepresentedEnterprisesAsync(request.Applicant, ct);
        if (mine.Count == 0)
            throw new DomainException(new DomainError("material.no_enterprise", $"您没有经登记核验的单位，不能调取“{material.Name}”；请先在“我的单位”登记（/account/enterprises），或上传该材料",
                $"You represent no verified enterprise, so '{material.Name}' cannot be fetched; register one under My enterprises (/account/enterprises) or upload the material", ErrorKind.Conflict, $"facts.{material.Key}"));
        var chosen = string.IsNullOrWhiteSpace(enterprise) ? (mine.Count == 1 ? mine[0] : null)
            : mine.FirstOrDefault(e => string.Equals(e.CreditCode, enterprise.Trim(), StringComparison.OrdinalIgnoreCase));
        return chosen is null
            ? throw new DomainException(new DomainError("material.choose_enterprise", "请选择为哪个单位调取登记信息", "Choose the enterprise whose record to use",
                Field: $"facts.{material.Key}"))
            : new FactSubject(chosen.CreditCode, chosen.CreditCode);
    }

    /// <summary>
    /// The subject's record for the material, read for the department handling it: one read, logged with its purpose. A fact a
    /// department's own system keeps (住房公积金缴存证明) comes the same way, through the exchange nodes (registries' department facts).
    /// </summary>
    public async Task<FactSnapshot> ReadAsync(FactRequest request, FactSubject subject, CancellationToken ct)
    {
        var material = request.Material;
        var read = new RegistryRead("module:applications", request.Department, request.Applicant.ToString(), $"申办{request.ItemName}：{material.Name}", material.RegistryFact!);
        RegistryFact? found;
        try
        {
            found = await registries.FetchFactAsync(material.RegistryFact!, subject.Key, read, ct);
        }
        catch (DomainException e) when (e.Errors.All(x => x.Field is null)) // a department's system out of reach: said at the material
        {
            throw new DomainException([.. e.Errors.Select(x => x.At($"facts.{material.Key}"))]);
        }
        var fact = found
            ?? throw new DomainException(new DomainError("material.no_registry_record", $"登记信息中没有相应记录，请上传“{material.Name}”",
                $"The registry holds no such record; upload '{material.Name}' instead", ErrorKind.Conflict, $"facts.{material.Key}"));
        return new FactSnapshot(fact.Chinese, fact.English, [.. fact.Values.Select(v => new FactField(v.Chinese, v.English, v.Value, v.ValueEn, v.Name))], fact.UpdatedOn);
    }
}
