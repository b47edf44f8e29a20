using Tongban.Kernel.Forms;

namespace Tongban.Kernel.Tests.Forms;

public sealed class FormSoundnessTests
{
    private static readonly FormOption[] YesOrNo = [new("a", "甲", "A"), new("b", "乙", "B")];

    private static string[] Codes(params FormField[] fields) => [.. new FormDefinition(fields).Check().Select(e => e.Code)];

    [Fact]
    public void A_sound_definition_has_no_faults()
    {
        var form = new FormDefinition(
        [
            new("kind", "类别", "Kind", FormFieldType.Choice, Options: YesOrNo),
            new("detail", "说明", "Detail", FormFieldType.Text, VisibleWhen: new("kind", "b"), MaxLength: 50),
            new("agreed", "同意", "Agreed", FormFieldType.YesNo),
            new("count", "数量", "Count", FormFieldType.Number, VisibleWhen: new("agreed", "yes"), Min: 1, Max: 1),
        ]);
        Assert.Empty(form.Check());
        Assert.Empty(FormDefinition.Empty.Check());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Name")]
    [InlineData("1st")]
    [InlineData("full name")]
    [InlineData("a_very_long_key_that_goes_on_and_on_and_on")]
    public void A_malformed_key_is_a_fault(string key)
    {
        var error = Assert.Single(new FormDefinition([new(key, "名", "Name", FormFieldType.Text)]).Check());
        Assert.Equal(("form.key", "#1"), (error.Code, error.Field));
        Assert.Contains("表单第1项", error.Chinese, StringComparison.Ordinal);
        Assert.Contains("Form field 1", error.English, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_must_be_unique() =>
        Assert.Equal(["form.key_duplicate"], Codes(new FormField("name", "名", "Name", FormFieldType.Text), new("name", "名二", "Name 2", FormFieldType.Text)));

    [Fact]
    public void Both_labels_are_needed() => Assert.Equal(["form.label"], Codes(new FormField("name", "名", " ", FormFieldType.Text)));

    [Fact]
    public void A_choice_needs_options_and_only_a_choice_has_them()
    {
        Assert.Equal(["form.options_missing"], Codes(new FormField("kind", "类别", "Kind", FormFieldType.Choice)));
        Assert.Equal(["form.options_missing"], Codes(new FormField("kinds", "类别", "Kinds", FormFieldType.MultiChoice, Options: [])));
        Assert.Equal(["form.options_unexpected"], Codes(new FormField("name", "名", "Name", FormFieldType.Text, Options: YesOrNo)));
        Assert.Equal(["form.option_duplicate"], Codes(new FormField("kind", "类别", "Kind", FormFieldType.Choice, Options: [YesOrNo[0], YesOrNo[0]])));
        Assert.Equal(["form.option"], Codes(new FormField("kind", "类别", "Kind", FormFieldType.Choice, Options: [new("a|b", "甲", "A")])));
    }

    [Fact]
    public void A_condition_names_an_earlier_field_and_one_of_its_values()
    {
        var later = new FormField("detail", "说明", "Detail", FormFieldType.Text, VisibleWhen: new("kind", "a"));
        var kind = new FormField("kind", "类别", "Kind", FormFieldType.Choice, Options: YesOrNo);
        Assert.Equal(["form.condition_field"], Codes(later, kind));
        Assert.Equal(["form.condition_field"], Codes(new FormField("detail", "说明", "Detail", FormFieldType.Text, VisibleWhen: new("detail", "x"))));
        Assert.Equal(["form.condition_value"], Codes(kind, later with { VisibleWhen = new("kind", "c") }));
        Assert.Equal(["form.condition_value"], Codes(new FormField("agreed", "同意", "Agreed", FormFieldType.YesNo), later with { VisibleWhen = new("agreed", "true") }));
        Assert.Empty(Codes(new FormField("note", "备注", "Note", FormFieldType.Text), later with { VisibleWhen = new("note", "anything") }));
    }

    [Fact]
    public void Limits_must_make_sense()
    {
        Assert.Equal(["form.range"], Codes(new FormField("count", "数量", "Count", FormFieldType.Number, Min: 5, Max: 1)));
        Assert.Equal(["form.max_length"], Codes(new FormField("name", "名", "Name", FormFieldType.Text, MaxLength: 0)));
    }

    [Fact]
    public void Every_fault_of_a_field_is_named_at_once() =>
        Assert.Equal(["form.key", "form.label", "form.options_missing", "form.range"],
            Codes(new FormField("Bad Key", "", "", FormFieldType.Choice, Min: 2, Max: 1)));

    [Fact]
    public void Well_formed_keys_are_told_apart_for_other_definitions()
    {
        Assert.True(FormDefinition.IsWellFormedKey("m1"));
        Assert.True(FormDefinition.IsWellFormedKey("household_book"));
        Assert.False(FormDefinition.IsWellFormedKey("M1"));
        Assert.False(FormDefinition.IsWellFormedKey(null));
    }
}
