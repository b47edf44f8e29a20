using Tongban.Applications.Domain;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Forms;
using Tongban.Kernel.Localization;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;

namespace Tongban.Applications.Features.ViewCase;

/// <summary>
/// A case as a person reads it: form fields by their labels and values by their options' labels (from the item version
/// the case was submitted under), materials by name, actors by name — or, for the applicant, staff by role and department
/// (<see cref="ActorNames.ForPublic"/>) —, channel and delivery in words. Every case page and partial goes through it.
/// </summary>
internal sealed class CaseDisplay(Case @case, FormDefinition form, ActorNames actors, string? department, IReadOnlyDictionary<string, string> divisions, Guid? reader)
{
    public FormDefinition Form => form;

    /// <summary>Shown to the applicant (staff as role and department) rather than to staff.</summary>
    public bool ForApplicant => reader is not null;

    public string? DepartmentName => department;

    public string Field(string key) => form.LabelOf(key);

    public string Value(string key, string value) => form.Show(key, value, divisions.GetValueOrDefault);

    /// <summary>What a correction names: a material by its name, a field by its label.</summary>
    public string Target(string key) => @case.Materials.FirstOrDefault(m => m.Key == key)?.Name ?? Field(key);

    public string Channel => CaseTexts.Channel(@case.Channel) is var (zh, en) ? Text.T(zh, en) : "";

    public string Actor(string actor, string? role = null) =>
        ForApplicant ? actors.ForPublic(actor, reader, role, department) : actors.Of(actor, role);

    public string Actor(CaseEvent e) => Actor(e.Actor, CaseTexts.RoleOf(e, @case));

    /// <summary>An event's opinion with the keys it was recorded with named: a correction's targets, the delivery.</summary>
    public string? Opinion(CaseEvent e) => e.Opinion is not { } opinion ? null : e.Action switch
    {
        "correction_requested" => string.Join("；", opinion.Split('；').Select(Named)),
        "concluded" => opinion.Split(' ', 2) is var p && Enum.TryParse<Delivery>(p[0], out var d)
            ? (CaseTexts.Delivery(d) is var (zh, en) ? Text.T(zh, en) : "") + (p.Length > 1 ? " " + p[1] : "") : opinion,
        _ => opinion,
    };

    private string Named(string line) =>
        line.IndexOf(": ", StringComparison.Ordinal) is var at and > 0 && IsTarget(line[..at]) ? $"{Target(line[..at])}：{line[(at + 2)..]}" : line;

    private bool IsTarget(string key) => @case.Materials.Any(m => m.Key == key) || form.Find(key) is not null || @case.Form.ContainsKey(key);
}

/// <summary>Loads what <see cref="CaseDisplay"/> needs, in one go per page.</summary>
internal sealed class CaseDisplays(IServiceItems items, ActorDirectory actors, IOrganizationDirectory organization)
{
    /// <param name="applicant">The applicant reading their own case; null for staff.</param>
    /// <param name="others">Actors shown beside the case (a rating's call-backs).</param>
    public async Task<CaseDisplay> ForAsync(Case @case, Guid? applicant, CancellationToken ct, IEnumerable<string>? others = null)
    {
        var form = await items.FormOfAsync(@case.ItemCode, @case.ItemVersion, ct) ?? FormDefinition.Empty;
        var names = await actors.NamesAsync(@case.History.Select(e => e.Actor).Append(@case.SubmittedBy).Concat(@case.Trips.Select(t => t.RecordedBy)).Concat(others ?? []), ct);
        var department = await organization.FindDepartmentByCreditCodeAsync(@case.DepartmentCreditCode, ct);
        var divisions = form.Fields.Any(f => f.Type == FormFieldType.Division) ? await organization.DivisionNamesAsync(ct) : new Dictionary<string, string>();
        return new CaseDisplay(@case, form, names, department is null ? null : Text.Pick(department.Name, department.NameEn), divisions, applicant);
    }
}
