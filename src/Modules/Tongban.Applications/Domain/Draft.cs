using Tongban.Kernel.Errors;

namespace Tongban.Applications.Domain;

/// <summary>
/// An application being filled in (草稿): saved at every step, resumed on any device, submitted once. Its id is
/// the submission key, so a repeated submit of the same draft finds the case the first one made.
/// </summary>
internal sealed class Draft
{
    private Draft() { }

    public DraftId Id { get; private set; }
    public Guid ApplicantId { get; private set; }
    public string ItemCode { get; private set; } = "";

    /// <summary>The bundle (一件事) a draft applies for, all its items at once; its <see cref="ItemCode"/> is then empty.</summary>
    public string? BundleCode { get; private set; }
    public Dictionary<string, string> Form { get; private set; } = [];
    public List<MaterialRef> Materials { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? CaseNumber { get; private set; }

    public string SubmissionKey => $"draft:{Id.Value}";

    public static Draft Start(Guid applicantId, string itemCode, DateTimeOffset at) =>
        new() { Id = DraftId.New(), ApplicantId = applicantId, ItemCode = itemCode, CreatedAt = at, UpdatedAt = at };

    public static Draft StartBundle(Guid applicantId, string bundleCode, DateTimeOffset at) =>
        new() { Id = DraftId.New(), ApplicantId = applicantId, BundleCode = bundleCode, CreatedAt = at, UpdatedAt = at };

    /// <summary>Keeps what was typed, valid or not: checks run at submit, and a draft never loses input.</summary>
    public void Save(IReadOnlyDictionary<string, string> form, DateTimeOffset at)
    {
        RequireOpen();
        Form = form.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value.Trim());
        UpdatedAt = at;
    }

    /// <summary>Attaches a material (an upload, a registry fact, a license) in place of what the key held: the replaced one, if any.</summary>
    public MaterialRef? Attach(MaterialRef material, DateTimeOffset at)
    {
        var replaced = Remove(material.Key, at);
        Materials = [.. Materials, material with { AttachedAt = at }];
        return replaced;
    }

    /// <summary>Takes a material off the draft: the removed one, or null when the key held none.</summary>
    public MaterialRef? Remove(string key, DateTimeOffset at)
    {
        RequireOpen();
        var removed = Materials.FirstOrDefault(m => m.Key == key);
        if (removed is null) return null;
        Materials = [.. Materials.Where(m => m.Key != key)];
        UpdatedAt = at;
        return removed;
    }

    private void RequireOpen()
    {
        if (CaseNumber is not null)
            throw new DomainException(new DomainError("draft.submitted", $"该草稿已提交（办件编号 {CaseNumber}）",
                $"This draft was submitted already (case {CaseNumber})", ErrorKind.Conflict));
    }

    /// <summary>Submitted as the case <paramref name="caseNumber"/> (a bundle's: the first of its cases).</summary>
    public void MarkSubmitted(string caseNumber) => CaseNumber = caseNumber;
}
