using Tongban.Kernel.Errors;
using Tongban.Kernel.Forms;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Tests;

public sealed class LicenseTypeTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UtcNow;

    [Fact]
    public void A_type_is_drafted_submitted_and_published_by_another_administrator()
    {
        var type = LicenseType.Create("11100000000013338w032");
        type.Edit(Samples.Definition(), "user:a", At);
        Assert.Null(type.Published);
        type.Submit("user:a", At);
        Assert.Equal("license_type.review_own", Assert.Throws<DomainException>(() => type.Publish("user:a", null, At)).Errors[0].Code);
        type.Publish("user:b", "同意", At);
        Assert.Equal((TypeState.Published, 1, "11100000000013338W032"), (type.State, type.Published!.Number, type.Code));
        Assert.Null(type.Open);
    }

    [Fact]
    public void A_new_version_under_review_cannot_change_and_a_returned_one_can_while_the_published_one_stays()
    {
        var type = LicenseType.Create("11100000000013338W032");
        type.AcceptPublished(Samples.Definition(), "region:test", At);
        type.Edit(Samples.Definition() with { Name = "测试证（新）" }, "user:a", At);
        type.Submit("user:a", At);
        Assert.Equal("license_type.under_review", Assert.Throws<DomainException>(() => type.Edit(Samples.Definition(), "user:a", At)).Errors[0].Code);
        Assert.Equal("license_type.opinion_required", Assert.Throws<DomainException>(() => type.Return("user:b", " ", At)).Errors[0].Code);
        type.Return("user:b", "字段不全", At);
        type.Edit(Samples.Definition() with { Name = "测试证（改）" }, "user:a", At);
        Assert.Equal(("测试证", VersionState.Draft, 2), (type.Published!.Definition.Name, type.Open!.State, type.Open.Number));
    }

    [Fact]
    public void A_definition_with_many_faults_is_refused_naming_each_one()
    {
        var bad = new TypeDefinition("", "", "", ["not-a-code"], HolderKind.Person, new ValidityRule(ValidityKind.FixedYears),
            new FormDefinition([new FormField("Bad Key", "", "", FormFieldType.Text), new FormField("number", "编号", "No.", FormFieldType.Text)]),
            ProducedBy: ["bad code!"], Issue: new IssueMapping(Fields: new Dictionary<string, string> { ["missing"] = "nowhere:x" }));
        var codes = Assert.Throws<DomainException>(() => LicenseType.Create("11100000000013338W032").Edit(bad, "user:a", At)).Errors.Select(e => e.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { "license_type.name", "license_type.name_en", "license_type.defining_department", "license_type.issuer_code",
            "license_type.validity", "form.key", "form.label", "license_type.field_reserved", "license_type.produced_by", "license_type.mapping_key", "license_type.mapping_source" }, codes);
    }

    [Fact]
    public void A_template_placing_an_unknown_value_or_off_the_page_is_refused()
    {
        var definition = Samples.Definition();
        var template = LicenseTemplate.Default(definition.Fields) is var t ? t with { Fields = [.. t.Fields, new Placement("nope", 10, 10, 10), new Placement("grade", 300, 10, 10)] } : null;
        var errors = TypeDefinitionRules.Check(definition with { Template = template });
        Assert.Contains(errors, e => e.English.Contains("'nope'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.English.Contains("off the page", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_template_places_every_standard_value_and_field_on_the_page() =>
        Assert.Empty(TypeDefinitionRules.Check(Samples.Definition()));
}
