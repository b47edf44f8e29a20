using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Forms;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ManageTypes;

namespace Tongban.Licenses.Features.Admin;

/// <summary>
/// A license type's definition as the admin form edits it, every value text so that whatever was typed comes back:
/// the basics, the typed fields (kernel form rows, <see cref="FormFieldRow"/>), the template (<see cref="TemplateInput"/>),
/// the producing items and replaced materials, and where a case's values go (<see cref="MappingRow"/>). It only reads
/// the text; every rule is <see cref="TypeDefinitionRules"/>', reached through <see cref="ManageTypes.ManageTypes.DraftAsync"/>
/// like <c>POST /api/licenses/types</c>.
/// </summary>
[ValidateNever]
internal sealed class TypeEdit
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    public string? DefiningDepartment { get; set; }
    public List<string> Issuers { get; set; } = [];
    public HolderKind? Holder { get; set; }
    public ValidityKind? Validity { get; set; }
    public int? Years { get; set; }

    /// <summary>The producing items' implementation codes: the picker's ticked checkboxes (chosen items and search results).</summary>
    public List<string> ProducedBy { get; set; } = [];

    /// <summary>The picker's search text (an item's name or implementation code); never saved.</summary>
    public string? ItemQuery { get; set; }

    /// <summary>Replaced materials ticked: those of the definition, and those offered with the search's items.</summary>
    public List<string> ReplacesPicked { get; set; } = [];

    /// <summary>Other replaced materials, typed one a line.</summary>
    public string? Replaces { get; set; }
    public List<FormFieldRow> Fields { get; set; } = [];
    public TemplateInput Template { get; set; } = new();
    public SourceInput HolderCodeSource { get; set; } = new();
    public SourceInput HolderNameSource { get; set; } = new();
    public List<MappingRow> Mapping { get; set; } = [];

    /// <summary>One value of a license issued from a case: the field's key and where it comes from (<see cref="IssueMapping"/>).</summary>
    internal sealed class MappingRow
    {
        public string? Field { get; set; }
        public SourceInput Source { get; set; } = new();
    }

    /// <summary>
    /// A source as the page offers it, in words: one of <see cref="IssueMapping.FixedSources"/>, or "form" with the
    /// application form's field key, or "text" with fixed words (<c>form:KEY</c>, <c>text:WORDS</c> in the mapping).
    /// </summary>
    internal sealed class SourceInput
    {
        public string? Kind { get; set; }
        public string? Value { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Kind);

        public string? ToSource() => Kind?.Trim() switch
        {
            null or "" => null,
            "form" or "text" => $"{Kind.Trim()}:{Value?.Trim()}",
            var fixedSource => fixedSource,
        };

        public static SourceInput From(string? source) => source switch
        {
            null => new(),
            _ when source.StartsWith("form:", StringComparison.Ordinal) => new() { Kind = "form", Value = source[5..] },
            _ when source.StartsWith("text:", StringComparison.Ordinal) => new() { Kind = "text", Value = source[5..] },
            _ => new() { Kind = source },
        };
    }

    public static TypeEdit From(string? code, TypeDefinition d) => new()
    {
        Code = code, Name = d.Name, NameEn = d.NameEn, DefiningDepartment = d.DefiningDepartment, Issuers = [.. d.IssuingAuthorities], Holder = d.Holder,
        Validity = d.Validity.Kind, Years = d.Validity.Years, ProducedBy = [.. d.Items], ReplacesPicked = [.. d.Materials],
        Fields = [.. d.Fields.Fields.Select(FormFieldRow.From)], Template = TemplateInput.From(d),
        HolderCodeSource = SourceInput.From(d.Mapping.HolderCode), HolderNameSource = SourceInput.From(d.Mapping.HolderName),
        Mapping = [.. (d.Mapping.Fields ?? new Dictionary<string, string>()).Select(m => new MappingRow { Field = m.Key, Source = SourceInput.From(m.Value) })],
    };

    /// <summary>Empty rows to type into (fields, placements, mapping).</summary>
    public void AddRows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Fields.Add(new());
            Template.Placements.Add(new());
            Mapping.Add(new());
        }
    }

    /// <summary>The form the API takes; text that cannot be read (a number, an option line) is refused here, every fault at once.</summary>
    public TypeForm ToForm(string code, string? background)
    {
        var errors = new List<DomainError>();
        var fields = FormFieldRow.Read(Fields, "fields", errors);
        var template = Template.ToTemplate(background, errors);
        var mapping = Mapping.Where(m => !string.IsNullOrWhiteSpace(m.Field) || !m.Source.IsEmpty).ToList();
        var issue = mapping.Count == 0 && HolderCodeSource.IsEmpty && HolderNameSource.IsEmpty ? null
            : new IssueMapping(HolderCodeSource.ToSource(), HolderNameSource.ToSource(),
                mapping.GroupBy(m => m.Field?.Trim() ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Source.ToSource() ?? "", StringComparer.Ordinal));
        if (errors.Count > 0) throw new DomainException(errors);
        return new TypeForm(code, Name, NameEn, DefiningDepartment, Issuers, Holder, new ValidityRule(Validity ?? 0, Validity == ValidityKind.FixedYears ? Years : null),
            fields.Fields, template, ItemCodes(), Materials(), issue);
    }

    /// <summary>The chosen items' codes, each once (a value of several lines, as an older form posted, is split).</summary>
    public string[] ItemCodes() => [.. ProducedBy.SelectMany(Lines).Distinct(StringComparer.Ordinal)];

    /// <summary>The materials ticked, then those typed, each once.</summary>
    public string[] Materials() => [.. ReplacesPicked.Select(m => m.Trim()).Where(m => m.Length > 0).Concat(Lines(Replaces)).Distinct(StringComparer.Ordinal)];

    /// <summary>The ticked materials, each once, in order: what the picker shows as chosen.</summary>
    public IEnumerable<string> PickedMaterials() => ReplacesPicked.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal);

    private static string[] Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
