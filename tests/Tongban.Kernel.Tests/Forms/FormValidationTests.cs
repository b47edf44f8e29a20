using Tongban.Kernel.Errors;
using Tongban.Kernel.Forms;

namespace Tongban.Kernel.Tests.Forms;

public sealed class FormValidationTests
{
    /// <summary>A residence-permit style form with every field type and two conditional fields.</summary>
    private static readonly FormDefinition Form = new(
    [
        new("applicant_name", "姓名", "Name", FormFieldType.Text, Required: true, MaxLength: 10),
        new("id_number", "身份证号码", "ID number", FormFieldType.IdNumber, Required: true),
        new("mobile", "手机号码", "Mobile phone", FormFieldType.Phone, Required: true),
        new("reason", "申请原因", "Reason", FormFieldType.Choice, Required: true, Options:
            [new("work", "务工", "Work"), new("study", "就学", "Study"), new("other", "其他", "Other")]),
        new("reason_other", "其他原因", "Other reason", FormFieldType.LongText, Required: true, VisibleWhen: new("reason", "other")),
        new("employer_code", "用人单位统一社会信用代码", "Employer's credit code", FormFieldType.CreditCode, VisibleWhen: new("reason", "work")),
        new("moved_in_on", "迁入日期", "Moved in on", FormFieldType.Date, Required: true),
        new("members", "同住人数", "People living with you", FormFieldType.Number, Min: 0, Max: 10),
        new("renting", "是否租房", "Renting", FormFieldType.YesNo, Required: true),
        new("landlord_phone", "房东电话", "Landlord's phone", FormFieldType.Phone, Required: true, VisibleWhen: new("renting", "yes")),
        new("division", "居住地区划", "Division lived in", FormFieldType.Division),
        new("services", "需要的服务", "Services wanted", FormFieldType.MultiChoice, Options:
            [new("school", "子女入学", "School places"), new("insurance", "社会保险", "Social insurance")]),
    ]);

    private static Dictionary<string, string?> Valid() => new()
    {
        ["applicant_name"] = " 张建国 ",
        ["id_number"] = "11010519491231002x",
        ["mobile"] = "13912345678",
        ["reason"] = "work",
        ["employer_code"] = "91110000600037341l",
        ["moved_in_on"] = "2026-03-01",
        ["members"] = "2",
        ["renting"] = "no",
        ["division"] = "211221",
        ["services"] = "school|insurance",
    };

    private static Dictionary<string, string?> With(string key, string? value)
    {
        var values = Valid();
        values[key] = value;
        return values;
    }

    private static DomainError SingleError(Dictionary<string, string?> values)
    {
        var result = Form.Validate(values);
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Valid_values_are_kept_trimmed_and_in_canonical_form()
    {
        var result = Form.Validate(Valid());

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.English)));
        Assert.Equal("张建国", result.Values["applicant_name"]);
        Assert.Equal("11010519491231002X", result.Values["id_number"]);
        Assert.Equal("91110000600037341L", result.Values["employer_code"]);
        Assert.Equal("211221000000", result.Values["division"]);
        Assert.Equal("school|insurance", result.Values["services"]);
        Assert.Equal(10, result.Values.Count);
    }

    [Theory]
    [InlineData("applicant_name", null)]
    [InlineData("applicant_name", "   ")]
    [InlineData("id_number", "")]
    [InlineData("renting", null)]
    public void A_required_field_left_empty_is_named(string key, string? value)
    {
        var error = SingleError(With(key, value));
        Assert.Equal("form.required", error.Code);
        Assert.Equal(key, error.Field);
        Assert.Contains("请填写", error.Chinese, StringComparison.Ordinal);
        Assert.Contains("is required", error.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("applicant_name", "张建国张建国张建国张建国", "form.too_long")]
    [InlineData("members", "two", "form.number")]
    [InlineData("members", "1e3", "form.number")]
    [InlineData("members", "11", "form.out_of_range")]
    [InlineData("members", "-1", "form.out_of_range")]
    [InlineData("moved_in_on", "2026/03/01", "form.date")]
    [InlineData("moved_in_on", "2026-02-30", "form.date")]
    [InlineData("reason", "holiday", "form.choice")]
    [InlineData("services", "school|dancing", "form.choice")]
    [InlineData("renting", "maybe", "form.yes_no")]
    [InlineData("id_number", "110105194912310021", "id_number.check")]
    [InlineData("employer_code", "91110000600037341A", "credit_code.check")]
    [InlineData("mobile", "12912345678", "form.phone")]
    [InlineData("mobile", "024-72000000", "form.phone")]
    [InlineData("division", "21122", "division_code.format")]
    public void A_value_that_fails_its_type_check_is_named_in_both_languages(string key, string value, string code)
    {
        var error = SingleError(With(key, value));
        Assert.Equal(code, error.Code);
        Assert.Equal(key, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Chinese));
        Assert.False(string.IsNullOrWhiteSpace(error.English));
        Assert.NotEqual(error.Chinese, error.English);
    }

    [Fact]
    public void A_long_text_has_a_default_limit_when_none_is_set()
    {
        var error = SingleError(With("reason", "other").Also("reason_other", new string('字', 2001)));
        Assert.Equal(("form.too_long", "reason_other"), (error.Code, error.Field));
    }

    [Fact]
    public void Boundaries_of_a_number_range_are_accepted_and_decimals_too()
    {
        Assert.True(Form.Validate(With("members", "0")).IsValid);
        Assert.True(Form.Validate(With("members", "10")).IsValid);
        Assert.True(Form.Validate(With("members", "2.5")).IsValid);
    }

    [Theory]
    [InlineData("true", "yes")]
    [InlineData("YES", "yes")]
    [InlineData("false", "no")]
    public void Yes_and_no_are_read_from_a_checkbox_or_a_radio_button(string input, string kept) =>
        Assert.Equal(kept, Form.Validate(With("renting", input)).Values["renting"]);

    [Fact]
    public void A_field_whose_condition_is_not_met_is_neither_required_nor_kept()
    {
        // reason is "work": "other reason" is hidden, so neither required nor kept even when sent.
        var result = Form.Validate(With("reason_other", "something"));

        Assert.True(result.IsValid);
        Assert.False(result.Values.ContainsKey("reason_other"));
        Assert.True(result.Values.ContainsKey("employer_code"));
    }

    [Fact]
    public void A_field_whose_condition_is_met_is_required_and_checked()
    {
        var other = Form.Validate(With("reason", "other"));
        Assert.Equal(("form.required", "reason_other"), (Assert.Single(other.Errors).Code, other.Errors[0].Field));
        Assert.False(other.Values.ContainsKey("employer_code"));

        var renting = Form.Validate(With("renting", "yes").Also("landlord_phone", "1391234"));
        Assert.Equal(("form.phone", "landlord_phone"), (Assert.Single(renting.Errors).Code, renting.Errors[0].Field));
    }

    [Fact]
    public void A_hidden_field_with_a_bad_value_is_dropped_not_refused()
    {
        var result = Form.Validate(With("landlord_phone", "not a phone"));
        Assert.True(result.IsValid);
        Assert.False(result.Values.ContainsKey("landlord_phone"));
    }

    [Fact]
    public void A_condition_on_a_multi_choice_is_met_when_the_value_is_among_those_chosen()
    {
        var form = new FormDefinition(
        [
            Form.Fields[^1],
            new("school_name", "学校", "School", FormFieldType.Text, Required: true, VisibleWhen: new("services", "school")),
        ]);
        Assert.Equal("school_name", Assert.Single(form.Validate(new Dictionary<string, string?> { ["services"] = "insurance|school" }).Errors).Field);
        Assert.True(form.Validate(new Dictionary<string, string?> { ["services"] = "insurance" }).IsValid);
    }

    [Fact]
    public void Unknown_keys_are_refused_by_name()
    {
        var result = Form.Validate(With("salary", "100000").Also("Applicant_Name", "x"));

        Assert.Equal(["Applicant_Name", "salary"], result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e => Assert.Equal(("form.unknown_field", ErrorKind.BadRequest), (e.Code, e.Kind)));
    }

    [Fact]
    public void Every_fault_is_named_at_once_and_ValidOrThrow_throws_them_together()
    {
        var values = With("mobile", "x").Also("moved_in_on", null).Also("members", "lots");

        var exception = Assert.Throws<DomainException>(() => Form.ValidOrThrow(values));

        Assert.Equal(["mobile", "moved_in_on", "members"], exception.Errors.Select(e => e.Field));
        Assert.Equal(10, Form.ValidOrThrow(Valid()).Count);
    }

    [Fact]
    public void The_empty_form_takes_no_values()
    {
        Assert.True(FormDefinition.Empty.Validate(new Dictionary<string, string?>()).IsValid);
        Assert.Equal("x", Assert.Single(FormDefinition.Empty.Validate(new Dictionary<string, string?> { ["x"] = "1" }).Errors).Field);
    }
}

internal static class ValueDictionaries
{
    public static Dictionary<string, string?> Also(this Dictionary<string, string?> values, string key, string? value)
    {
        values[key] = value;
        return values;
    }
}
