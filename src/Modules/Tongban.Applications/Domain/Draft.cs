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
    public Dictionary<string, string> Form { get; private set; } = [];
    public List<MaterialRef> Materials { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? CaseNumber { get; private set; }

    public string SubmissionKey => $"draft:{Id.Value}";

    public static Draft Start(Guid applicantId, string itemCode, DateTimeOffset at) =>
        new() { Id = DraftId.New(), ApplicantId = applicantId, ItemCode = itemCode, CreatedAt = at, UpdatedAt = at };

    /// <summary>Keeps what was typed, valid or not: checks run at submit, and a draft never loses input.</summary>
    public void Save(IReadOnlyDictionary<string, string> form, IReadOnlyList<MaterialRef> materials, DateTimeOffset at)
    {
        if (CaseNumber is not null)
            throw new DomainException(new DomainError("draft.submitted", $"该草稿已提交（办件编号 {CaseNumber}）",
                $"This draft was submitted already (case {CaseNumber})", ErrorKind.Conflict));
        Form = form.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value.Trim());
        Materials = [.. materials.Where(m => !string.IsNullOrWhiteSpace(m.Reference)).Select(m => m with { Reference = m.Reference.Trim() })];
        UpdatedAt = at;
    }

    public void MarkSubmitted(string caseNumber) => CaseNumber = caseNumber;
}
