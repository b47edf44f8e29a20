using Tongban.Catalog.Domain;
using Tongban.Catalog.Features.ImportFeed;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Forms;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Tests;

/// <summary>The application form, the handling process and the material keys that a version carries, and their checks.</summary>
public sealed class ItemDefinitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private static ServiceItem Item() => ServiceItem.Create("000122011000", "11211200061012195B000122011001");

    private static readonly FormDefinition Form = new(
    [
        new("reason", "申请原因", "Reason", FormFieldType.Choice, Required: true, Options: [new("work", "务工", "Work"), new("other", "其他", "Other")]),
        new("reason_other", "其他原因", "Other reason", FormFieldType.Text, Required: true, VisibleWhen: new("reason", "other")),
    ]);

    private static DomainException Refused(ItemElements elements) => Assert.Throws<DomainException>(() => Item().Edit(elements, "admin", Now));

    [Fact]
    public void A_version_keeps_its_form_and_process_and_submits_with_them()
    {
        var item = Item();
        var process = new HandlingStep[] { new("review", "审查", "Review", Policies.Reviewer), new("legality", "法制审核", "Legality check", Policies.LegalityReviewer), new("decide", "决定", "Decision", Policies.Leader) };
        item.Edit(ServiceItemTests.Complete() with { Form = Form, Process = process }, "admin", Now);

        var submitted = item.Submit("admin", Now);

        Assert.Same(Form, submitted.Elements.Form);
        Assert.Equal(["review", "legality", "decide"], submitted.Elements.EffectiveProcess.Select(s => s.Key));
    }

    [Fact]
    public void Without_a_process_a_case_is_reviewed_then_decided()
    {
        var steps = ServiceItemTests.Complete().EffectiveProcess;
        Assert.Equal([("review", "审查", Policies.Reviewer), ("decide", "决定", Policies.Approver)], steps.Select(s => (s.Key, s.NameZh, s.Role)));
    }

    [Fact]
    public void An_unsound_form_is_refused_on_the_form_naming_the_fault()
    {
        var bad = new FormDefinition([Form.Fields[1], Form.Fields[0] with { Options = [] }]);
        var ex = Refused(ServiceItemTests.Complete() with { Form = bad });
        Assert.Equal(["form.condition_field", "form.options_missing"], ex.Errors.Select(e => e.Code));
        Assert.All(ex.Errors, e => Assert.Equal("form_fields", e.Field));
    }

    [Theory]
    [InlineData("Review", "审查", "Review", Policies.Reviewer, "item.step_key")]
    [InlineData("review", "", "Review", Policies.Reviewer, "item.step_name")]
    [InlineData("review", "审查", "Review", Policies.SystemAdministrator, "item.step_role")]
    [InlineData("review", "审查", "Review", "nobody", "item.step_role")]
    public void A_bad_step_is_refused_on_the_process(string key, string zh, string en, string role, string code)
    {
        var error = Assert.Single(Refused(ServiceItemTests.Complete() with { Process = [new(key, zh, en, role)] }).Errors);
        Assert.Equal((code, "process"), (error.Code, error.Field));
        Assert.Contains("办理环节第1步", error.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_and_material_keys_are_unique()
    {
        var step = new HandlingStep("review", "审查", "Review", Policies.Reviewer);
        Assert.Equal("item.step_key_duplicate", Assert.Single(Refused(ServiceItemTests.Complete() with { Process = [step, step] }).Errors).Code);

        var material = ServiceItemTests.Complete().Materials[0] with { Key = "book" };
        var error = Assert.Single(Refused(ServiceItemTests.Complete() with { Materials = [material, material with { Name = "照片" }] }).Errors);
        Assert.Equal(("item.material_key_duplicate", "materials"), (error.Code, error.Field));
        Assert.Equal("item.material_key", Assert.Single(Refused(ServiceItemTests.Complete() with { Materials = [material with { Key = "Book 1" }] }).Errors).Code);
    }

    [Fact]
    public void A_feed_gives_material_keys_or_they_are_m1_m2_by_position_and_they_round_trip()
    {
        var line = FeedItem.From("000122011000", "11211200061012195B000122011001", ServiceItemTests.Complete()) with
        {
            Materials =
            [
                new("居民户口簿", "required", null, "original", 1, "paper", false, null, null, "population.household", null),
                new("照片", "required", null, "original", 2, "either", true, null, null, null, null, Key: "photo"),
                new("委托书", "conditional", "委托他人办理的", "original", 1, "either", false, null, null, null, null),
            ],
            Form = Form,
            Process = [new(" review ", "审查", "Review", Policies.Reviewer)],
        };

        var elements = line.ToElements();

        Assert.Equal(["m1", "photo", "m3"], elements.Materials.Select((_, i) => elements.MaterialKey(i)));
        Assert.Equal("review", elements.Process[0].Key);
        var back = FeedItem.From("000122011000", "11211200061012195B000122011001", elements).ToElements();
        Assert.Empty(Features.ManageItems.ElementDiff.Between(elements, back));
    }

    [Fact]
    public void A_derived_key_cannot_be_taken_by_another_material()
    {
        var elements = ServiceItemTests.Complete();
        var taken = elements with { Materials = [elements.Materials[0], elements.Materials[0] with { Key = "m1" }] };
        Assert.Equal("item.material_key_duplicate", Assert.Single(Refused(taken).Errors).Code);
    }
}
