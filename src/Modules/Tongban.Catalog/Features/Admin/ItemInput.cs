using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Tongban.Catalog.Features.ImportFeed;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Forms;

namespace Tongban.Catalog.Features.Admin;

/// <summary>
/// The item form as text, one property a field, so whatever is typed comes back on the page. It only turns
/// the text into the feed-item shape of the API (numbers must be whole numbers); every rule on the elements
/// is the domain's, reached through the same draft method as <c>POST /api/catalog/items</c>.
/// Repeatable groups are rows; a row left empty is ignored.
/// </summary>
/// <remarks>
/// Property names follow the domain's field names ("promised_limit" is <see cref="PromisedLimit"/>) so that
/// each error lands on its field; <see cref="Name"/> comes before the rows so that "name" finds the item's name.
/// </remarks>
[ValidateNever]
internal sealed partial class ItemInput
{
    /// <summary>The row groups; errors about a group ("materials", "places") are shown next to the group.</summary>
    public static readonly string[] Groups = [nameof(Subjects), nameof(Fees), nameof(Materials), nameof(Places), nameof(Steps), nameof(FormFields), nameof(Process)];

    public string? BasicCode { get; set; }
    public string? ImplementationCode { get; set; }
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Level { get; set; }
    public string? DivisionCode { get; set; }
    public string? Department { get; set; }
    public string? LegalBasis { get; set; }
    public List<string> Subjects { get; set; } = [];
    public string? Themes { get; set; }
    public string? LifeEvents { get; set; }
    public string? StatutoryLimit { get; set; }
    public string? PromisedLimit { get; set; }
    public string? Trips { get; set; }
    public string? OnlineDepth { get; set; }
    public string? ConsultationPhone { get; set; }
    public string? ComplaintPhone { get; set; }
    public string? RealNameLevel { get; set; }
    public string? CrossRegion { get; set; }
    public string? Summary { get; set; }
    public List<FeeRow> Fees { get; set; } = [];
    public List<MaterialRow> Materials { get; set; } = [];
    public List<PlaceRow> Places { get; set; } = [];
    public List<StepRow> Steps { get; set; } = [];

    internal sealed class FeeRow
    {
        public string? Name { get; set; }
        public string? Amount { get; set; }
        public string? Basis { get; set; }

        public bool IsEmpty => Blank(Name, Amount, Basis);
    }

    internal sealed class MaterialRow
    {
        public string? Name { get; set; }
        public string Required { get; set; } = "required";
        public string? Condition { get; set; }
        public string Form { get; set; } = "original";
        public string? Copies { get; set; }
        public string Medium { get; set; } = "either";
        public bool Tolerable { get; set; }
        public string? BlankForm { get; set; }
        public string? Sample { get; set; }
        public string? RegistryFact { get; set; }
        public string? License { get; set; }
        public string? Key { get; set; }

        /// <summary>Nothing typed: the choices have defaults, so only the text fields count.</summary>
        public bool IsEmpty => Blank(Name, Condition, Copies, BlankForm, Sample, RegistryFact, License, Key);
    }

    internal sealed class PlaceRow
    {
        /// <summary>"hall:{slug}" or "station:{key}".</summary>
        public string? Place { get; set; }
        public string? Windows { get; set; }
        public string? Hours { get; set; }

        public bool IsEmpty => Blank(Place, Windows, Hours);
    }

    internal sealed class StepRow
    {
        public string? Text { get; set; }
    }

    public const string HallPrefix = "hall:";
    public const string StationPrefix = "station:";

    private static readonly char[] ListSeparators = [',', '，', '、', ';', '；', '\n'];

    /// <summary>Adds <paramref name="count"/> empty rows to one group, or to every group when <paramref name="group"/> is null.</summary>
    public void AddRows(string? group, int count)
    {
        bool Wanted(string name) => group is null || string.Equals(group, name, StringComparison.OrdinalIgnoreCase);
        for (var k = 0; k < count; k++)
        {
            if (Wanted(nameof(Fees))) Fees.Add(new());
            if (Wanted(nameof(Materials))) Materials.Add(new());
            if (Wanted(nameof(Places))) Places.Add(new());
            if (Wanted(nameof(Steps))) Steps.Add(new());
            if (Wanted(nameof(FormFields))) FormFields.Add(new());
            if (Wanted(nameof(Process))) Process.Add(new());
        }
    }

    public static ItemInput From(FeedItem f) => new()
    {
        BasicCode = f.BasicCode, ImplementationCode = f.ImplementationCode, Name = f.Name, Type = f.Type, Level = f.Level,
        DivisionCode = f.DivisionCode, Department = f.DepartmentCreditCode, LegalBasis = f.LegalBasis, Subjects = f.Subjects ?? [],
        Themes = Join(f.Themes), LifeEvents = Join(f.LifeEvents), StatutoryLimit = Text(f.StatutoryLimit), PromisedLimit = Text(f.PromisedLimit),
        Trips = Text(f.Trips), OnlineDepth = Text(f.OnlineDepth), ConsultationPhone = f.ConsultationPhone, ComplaintPhone = f.ComplaintPhone,
        RealNameLevel = Text(f.RealNameLevel), CrossRegion = f.CrossRegion, Summary = f.Summary,
        Fees = [.. (f.Fees ?? []).Select(x => new FeeRow { Name = x.Name, Amount = x.Amount, Basis = x.Basis })],
        Materials = [.. (f.Materials ?? []).Select(m => new MaterialRow
        {
            Name = m.Name, Required = m.Required ?? "required", Condition = m.Condition, Form = m.Form ?? "original", Copies = Text(m.Copies),
            Medium = m.Medium ?? "either", Tolerable = m.Tolerable ?? false, BlankForm = m.BlankForm, Sample = m.Sample, RegistryFact = m.RegistryFact, License = m.License,
            Key = m.Key,
        })],
        Places = [.. (f.Places ?? []).Select(p => new PlaceRow
        {
            Place = p.Hall is not null ? HallPrefix + p.Hall : p.Station is not null ? StationPrefix + p.Station : null,
            Windows = Join(p.Windows), Hours = p.Hours,
        })],
        Steps = [.. (f.Steps ?? []).Select(s => new StepRow { Text = s })],
        FormFields = [.. (f.Form?.Fields ?? []).Select(FormFieldRow.From)],
        Process = [.. (f.Process ?? []).Select(p => new ProcessRow { Key = p.Key, NameZh = p.NameZh, NameEn = p.NameEn, Role = p.Role })],
    };

    /// <summary>The feed item this form describes, under the given codes; text where a number belongs is an error on its field.</summary>
    public FeedItem ToFeedItem(string? basicCode, string? implementationCode)
    {
        var errors = new List<DomainError>();
        int? Number(string? text, string field, string zh, string en)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
            errors.Add(new DomainError("form.number", $"{zh}应填整数，而不是“{text}”", $"{en} must be a whole number, not '{text}'", Field: field));
            return null;
        }
        var materials = Materials.Select((m, i) => (m, i)).Where(x => !x.m.IsEmpty).Select(x => new FeedMaterial(
            x.m.Name, x.m.Required, x.m.Condition, x.m.Form, Number(x.m.Copies, "materials", $"第{x.i + 1}项材料的份数", $"Copies of material {x.i + 1}"),
            x.m.Medium, x.m.Tolerable, x.m.BlankForm, x.m.Sample, x.m.RegistryFact, x.m.License, x.m.Key)).ToList();
        var places = Places.Select((p, i) => (p, i)).Where(x => !x.p.IsEmpty).Select(x =>
        {
            var place = x.p.Place?.Trim() ?? "";
            string? hall = place.StartsWith(HallPrefix, StringComparison.Ordinal) ? place[HallPrefix.Length..] : null;
            string? station = place.StartsWith(StationPrefix, StringComparison.Ordinal) ? place[StationPrefix.Length..] : null;
            if (place.Length > 0 && hall is null && station is null)
                errors.Add(new DomainError("form.place", $"第{x.i + 1}个办理地点“{place}”无法识别，请从列表中选择", $"Place {x.i + 1} '{place}' is unknown; choose one from the list", Field: "places"));
            return new FeedPlace(hall, Split(x.p.Windows), x.p.Hours, station);
        }).ToList();
        var item = new FeedItem(
            basicCode, implementationCode, Name, Type, Level, DivisionCode, Department, LegalBasis, Subjects, Split(Themes), Split(LifeEvents),
            Number(StatutoryLimit, "statutory_limit", "法定办结时限", "The statutory limit"), Number(PromisedLimit, "promised_limit", "承诺办结时限", "The promised limit"),
            [.. Fees.Where(f => !f.IsEmpty).Select(f => new FeedFee(f.Name, f.Amount, f.Basis))], materials,
            Number(Trips, "trips", "到办事现场次数", "Trips"), Number(OnlineDepth, "online_depth", "网办深度", "The online-handling depth"), places,
            [.. Steps.Select(s => s.Text?.Trim()).OfType<string>().Where(s => s.Length > 0)],
            ConsultationPhone, ComplaintPhone, Number(RealNameLevel, "real_name_level", "实名等级", "The real-name level"), CrossRegion, Summary, null, null,
            ToForm(errors), [.. Process.Where(p => !p.IsEmpty).Select(p => new FeedStep(p.Key, p.NameZh, p.NameEn, p.Role))]);
        if (errors.Count > 0) throw new DomainException(errors);
        return item;
    }

    internal static bool Blank(params string?[] values) => values.All(string.IsNullOrWhiteSpace);

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Join(List<string>? values) => values is null ? null : string.Join("，", values);

    private static List<string> Split(string? text) =>
        [.. (text ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
