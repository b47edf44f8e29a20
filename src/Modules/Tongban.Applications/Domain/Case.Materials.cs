using Tongban.Kernel.Errors;

namespace Tongban.Applications.Domain;

/// <summary>
/// Materials the applicant gives after submission: one named in a correction notice (一次性告知), or a deferred one
/// (容缺) still awaited. Only a file or a registry fact — a typed reference is for window clerks and agents' systems.
/// </summary>
internal sealed partial class Case
{
    /// <summary>The case's material <paramref name="key"/>, when the case awaits it from the applicant now (checked before a file is stored).</summary>
    public CaseMaterial RequireAwaited(string key)
    {
        var material = Materials.FirstOrDefault(m => m.Key == key) ?? throw new DomainException(DomainError.NotFound("材料", "The material"));
        if (AwaitsCorrectionOf(key) || (!IsClosed && Deferred.Any(d => d.Key == key && d.ReceivedAt is null)))
            return material;
        throw Rule("case.material_not_awaited", $"“{material.Name}”不是待补正或待补交的材料", $"'{material.Name}' is not a material to correct or to supply now");
    }

    /// <summary>
    /// Gives an awaited material: for a correction it waits on the notice until <see cref="Resubmit"/> (a second one
    /// replaces the first, which is returned so its file can go); a deferred one is received at once.
    /// </summary>
    public MaterialRef? ProvideAwaited(MaterialRef material, string actor, DateTimeOffset at)
    {
        RequireAwaited(material.Key);
        RequireFileOrFact(material);
        var index = AwaitsCorrectionOf(material.Key) ? Corrections.FindIndex(c => c.Target == material.Key) : -1;
        if (index < 0)
        {
            SupplyDeferred(material, actor, at);
            return null;
        }
        var replaced = Corrections[index].Provided;
        Corrections[index] = Corrections[index] with { Provided = material with { AttachedAt = at } };
        UpdatedAt = at;
        Revision++;
        return replaced;
    }

    private bool AwaitsCorrectionOf(string key) => Status == CaseStatus.AwaitingCorrection && Corrections.Any(c => c.Target == key);

    private void RequireAwaitingCorrection()
    {
        if (Status != CaseStatus.AwaitingCorrection)
            throw Rule("case.not_awaiting_correction", $"该办件不在待补正状态（当前：{StatusText}）", $"The case is not waiting for a correction (now: {StatusTextEn})");
    }

    private static void RequireFileOrFact(MaterialRef material)
    {
        if (material.Source is not (MaterialSource.Upload or MaterialSource.RegistryFact or MaterialSource.License))
            throw Invalid("case.material_file_required", "请上传文件或使用登记信息", "Upload a file or use a registry record", $"materials.{material.Key}");
    }
}
