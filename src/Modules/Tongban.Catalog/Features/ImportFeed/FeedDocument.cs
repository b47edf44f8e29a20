using Tongban.Catalog.Domain;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Forms;

namespace Tongban.Catalog.Features.ImportFeed;

/// <summary>The provincial catalog feed as JSON (docs/catalog-feed.md). <see cref="Complete"/> is false for a partial feed.</summary>
internal sealed record FeedDocument(string? Feed, DateOnly? IssuedAt, List<FeedItem>? Items, List<FeedBundle>? Bundles, bool? Complete = null);

internal sealed record FeedMaterial(
    string? Name, string? Required, string? Condition, string? Form, int? Copies, string? Medium, bool? Tolerable,
    string? BlankForm, string? Sample, string? RegistryFact, string? License, string? Key = null);

/// <summary>A handling step of the feed: <c>{"key", "nameZh", "nameEn", "role"}</c>.</summary>
internal sealed record FeedStep(string? Key, string? NameZh, string? NameEn, string? Role);

internal sealed record FeedFee(string? Name, string? Amount, string? Basis);

internal sealed record FeedPlace(string? Hall, List<string>? Windows, string? Hours, string? Station = null);

internal sealed record FeedItem(
    string? BasicCode, string? ImplementationCode, string? Name, string? Type, string? Level, string? DivisionCode,
    string? DepartmentCreditCode, string? LegalBasis, List<string>? Subjects, List<string>? Themes, List<string>? LifeEvents,
    int? StatutoryLimit, int? PromisedLimit, List<FeedFee>? Fees, List<FeedMaterial>? Materials, int? Trips, int? OnlineDepth,
    List<FeedPlace>? Places, List<string>? Steps, string? ConsultationPhone, string? ComplaintPhone, int? RealNameLevel,
    string? CrossRegion, string? Summary, string? Status, string? StatusReason, FormDefinition? Form = null, List<FeedStep>? Process = null)
{
    public bool IsAbolished => string.Equals(Status, "abolished", StringComparison.OrdinalIgnoreCase);

    /// <summary>The feed line that describes <paramref name="e"/>: the inverse of <see cref="ToElements()"/>.</summary>
    public static FeedItem From(string basicCode, string implementationCode, ItemElements e) => new(
        basicCode, implementationCode, e.Name, e.Type?.ToString(), e.Level?.ToString(), e.DivisionCode, e.DepartmentCreditCode, e.LegalBasis,
        [.. new[] { e.Subjects.HasFlag(Domain.Subjects.Person) ? "person" : null, e.Subjects.HasFlag(Domain.Subjects.LegalPerson) ? "legal-person" : null }.OfType<string>()],
        [.. e.Themes], [.. e.LifeEvents], e.StatutoryLimit, e.PromisedLimit,
        [.. e.Fees.Select(f => new FeedFee(f.Name, f.Amount, f.Basis))],
        [.. e.Materials.Select(m => new FeedMaterial(m.Name, m.Requirement == Requirement.Required ? "required" : "conditional", m.Condition,
            m.Form switch { MaterialForm.Original => "original", MaterialForm.Copy => "copy", _ => "original-and-copy" }, m.Copies,
            m.Medium switch { Medium.Paper => "paper", Medium.Electronic => "electronic", _ => "either" }, m.Tolerable, m.BlankForm, m.Sample, m.RegistryFact, m.LicenseType, m.Key is { Length: > 0 } key ? key : null))],
        e.Trips, e.OnlineDepth, [.. e.Places.Select(p => new FeedPlace(p.Hall, [.. p.Windows], p.Hours, p.Station))], [.. e.Steps],
        e.ConsultationPhone, e.ComplaintPhone, e.RealNameLevel, e.CrossRegion, e.Summary, null, null,
        e.Form.Fields.Count > 0 ? e.Form : null, e.Process.Count > 0 ? [.. e.Process.Select(p => new FeedStep(p.Key, p.NameZh, p.NameEn, p.Role))] : null);

    /// <summary>The elements this feed line describes; a value outside the format's vocabulary is an error naming its field.</summary>
    public ItemElements ToElements()
    {
        var errors = new List<DomainError>();
        var elements = ToElements(errors);
        if (errors.Count > 0) throw new DomainException(errors);
        return elements;
    }

    /// <summary>As <see cref="ToElements()"/>, collecting vocabulary errors so the rest of the line can still be checked.</summary>
    public ItemElements ToElements(List<DomainError> errors)
    {
        return new ItemElements
        {
            Name = Name?.Trim() ?? "",
            Type = Parse<ItemType>(Type, "type", errors),
            Level = Parse<ExerciseLevel>(Level is "乡镇/街道" or "街道" ? "乡镇" : Level is "村/社区" or "社区" ? "村" : Level, "level", errors),
            DivisionCode = DivisionCode?.Trim() ?? "",
            DepartmentCreditCode = DepartmentCreditCode?.Trim().ToUpperInvariant() ?? "",
            LegalBasis = LegalBasis,
            Subjects = (Subjects ?? []).Aggregate(Domain.Subjects.None, (all, s) => all | s switch
            {
                "person" => Domain.Subjects.Person,
                "legal-person" => Domain.Subjects.LegalPerson,
                _ => Bad<Subjects>("subjects", s, "person, legal-person", errors),
            }),
            Themes = Themes ?? [],
            LifeEvents = LifeEvents ?? [],
            StatutoryLimit = StatutoryLimit,
            PromisedLimit = PromisedLimit,
            Fees = (Fees ?? []).Select(f => new Fee(f.Name ?? "", f.Amount ?? "", f.Basis)).ToList(),
            Materials = (Materials ?? []).Select(m => ToMaterial(m, errors)).ToList(),
            Trips = Trips,
            OnlineDepth = OnlineDepth,
            Places = (Places ?? []).Select(p => new Place(p.Hall, p.Windows ?? [], p.Hours, p.Station)).ToList(),
            Steps = Steps ?? [],
            ConsultationPhone = ConsultationPhone,
            ComplaintPhone = ComplaintPhone,
            RealNameLevel = RealNameLevel,
            CrossRegion = CrossRegion,
            Summary = Summary,
            Form = Form is { Fields: not null } form ? form with { Fields = [.. form.Fields.Select(Trimmed)] } : FormDefinition.Empty,
            Process = (Process ?? []).Select(p => new HandlingStep(p.Key?.Trim() ?? "", p.NameZh?.Trim() ?? "", p.NameEn?.Trim() ?? "", p.Role?.Trim() ?? "")).ToList(),
        };
    }

    /// <summary>A field as the feed or the page gave it, without stray spaces around its key and labels.</summary>
    private static FormField Trimmed(FormField f) => f with { Key = f.Key?.Trim() ?? "", LabelZh = f.LabelZh?.Trim() ?? "", LabelEn = f.LabelEn?.Trim() ?? "" };

    /// <summary>A material without a key keeps none: it is known as m1, m2 … by position (<see cref="ItemElements.MaterialKey"/>).</summary>
    private static Material ToMaterial(FeedMaterial m, List<DomainError> errors) => new(
        m.Name?.Trim() ?? "",
        m.Required switch { "required" or null => Requirement.Required, "conditional" => Requirement.Conditional, _ => Bad<Requirement>("materials.required", m.Required, "required, conditional", errors) },
        m.Condition,
        m.Form switch { "original" or null => MaterialForm.Original, "copy" => MaterialForm.Copy, "original-and-copy" => MaterialForm.OriginalAndCopy, _ => Bad<MaterialForm>("materials.form", m.Form, "original, copy, original-and-copy", errors) },
        m.Copies ?? 1,
        m.Medium switch { "paper" => Medium.Paper, "electronic" => Medium.Electronic, "either" or null => Medium.Either, _ => Bad<Medium>("materials.medium", m.Medium, "paper, electronic, either", errors) },
        m.Tolerable ?? false, m.BlankForm, m.Sample, m.RegistryFact, m.License, m.Key?.Trim() ?? "");

    private static T? Parse<T>(string? value, string field, List<DomainError> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Enum.TryParse<T>(value.Trim(), out var parsed) && !char.IsDigit(value.Trim()[0])) return parsed;
        return Bad<T>(field, value, string.Join("、", Enum.GetNames<T>()), errors);
    }

    private static T Bad<T>(string field, string? value, string allowed, List<DomainError> errors)
    {
        errors.Add(new DomainError("feed.value", $"{field}的值“{value}”不在允许范围内（{allowed}）", $"{field} '{value}' is not one of: {allowed}", Field: field));
        return default!;
    }
}

internal sealed record FeedBundle(string? Code, string? Name, List<string>? Subjects, string? Summary, List<string>? Items);
