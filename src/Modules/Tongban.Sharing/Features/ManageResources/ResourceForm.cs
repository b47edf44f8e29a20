using System.Text.Json.Serialization;
using Tongban.Kernel.Errors;
using Tongban.Registries.Contracts;
using Tongban.Sharing.Domain;

namespace Tongban.Sharing.Features.ManageResources;

/// <summary>One data-item row; a row left wholly blank is ignored (the form shows spare rows).</summary>
internal sealed class ItemForm
{
    /// <summary>Named apart from the resource's own name so that a page error on “name” finds one form field.</summary>
    [JsonPropertyName("name")]
    public string? ItemName { get; set; }
    public string? Label { get; set; }
    public string? Type { get; set; } = "string";
    public string? Sensitivity { get; set; } = nameof(FieldSensitivity.Internal);

    public bool IsBlank => string.IsNullOrWhiteSpace(ItemName) && string.IsNullOrWhiteSpace(Label);
}

/// <summary>
/// A resource as typed: the API's JSON body, the admin form and an entry of a region pack's resources.json.
/// Terms are given by name (<c>Conditional</c>, <c>Monthly</c>, …); <see cref="ToDetails"/> is the one place they are read.
/// Every text is optional here so that the domain, not model binding, says what is missing.
/// </summary>
internal sealed class ResourceForm
{
    /// <summary>Given in a region pack; assigned on registration otherwise.</summary>
    public string? Code { get; set; }

    public string? Name { get; set; } = "";
    public string? Summary { get; set; } = "";
    public string? Classification { get; set; } = nameof(ResourceClass.Departmental);
    public string? CategoryPath { get; set; } = "";
    public string? ProviderCreditCode { get; set; } = "";
    public List<ItemForm> Items { get; set; } = [];
    public string? SharingType { get; set; } = nameof(Domain.SharingType.Conditional);
    public string? SharingTerms { get; set; }
    public string? UpdateCycle { get; set; } = nameof(Domain.UpdateCycle.Monthly);
    public string? Format { get; set; } = "";
    public string? AccessMode { get; set; } = nameof(Domain.AccessMode.Api);
    public string? Registry { get; set; }

    public ResourceDetails ToDetails()
    {
        var errors = new List<DomainError>();
        var details = new ResourceDetails
        {
            Name = Name ?? "", Summary = Summary ?? "", CategoryPath = CategoryPath ?? "", ProviderCreditCode = ProviderCreditCode ?? "",
            SharingTerms = SharingTerms, Format = Format ?? "",
            Classification = Parse<ResourceClass>(Classification, "classification", errors),
            SharingType = Parse<SharingType>(SharingType, "sharing_type", errors),
            UpdateCycle = Parse<UpdateCycle>(UpdateCycle, "update_cycle", errors),
            AccessMode = Parse<AccessMode>(AccessMode, "access_mode", errors),
            Registry = string.IsNullOrWhiteSpace(Registry) ? null : Parse<RegistryKind>(Registry, "registry", errors),
            Items = [.. (Items ?? []).Where(i => i is not null && !i.IsBlank).Select(i =>
                new DataItem(i.ItemName ?? "", i.Label ?? "", i.Type ?? "", Parse<FieldSensitivity>(i.Sensitivity, "items", errors)))],
        };
        if (errors.Count > 0) throw new DomainException(errors);
        return details;
    }

    public static ResourceForm From(string code, ResourceDetails d) => new()
    {
        Code = code, Name = d.Name, Summary = d.Summary, Classification = d.Classification.ToString(), CategoryPath = d.CategoryPath,
        ProviderCreditCode = d.ProviderCreditCode, SharingType = d.SharingType.ToString(), SharingTerms = d.SharingTerms,
        UpdateCycle = d.UpdateCycle.ToString(), Format = d.Format, AccessMode = d.AccessMode.ToString(), Registry = d.Registry?.ToString(),
        Items = [.. d.Items.Select(i => new ItemForm { ItemName = i.Name, Label = i.Label, Type = i.Type, Sensitivity = i.Sensitivity.ToString() })],
    };

    private static T Parse<T>(string? text, string field, List<DomainError> errors) where T : struct, Enum
    {
        if (Enum.TryParse<T>(text?.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _)) return value;
        var names = string.Join(", ", Enum.GetNames<T>());
        errors.Add(new DomainError("resource.term_unknown", $"“{text}”不是可选的值，应为{names}之一", $"'{text}' is not one of {names}", Field: field));
        return default;
    }
}
