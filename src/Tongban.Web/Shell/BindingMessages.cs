using Microsoft.AspNetCore.Mvc;
using static Tongban.Kernel.Localization.Text;

namespace Tongban.Web.Shell;

/// <summary>
/// What model binding says when a posted value cannot be read, in the reader's language like every other message
/// (MVC's own are English only). Required fields are the rules' business (a named, bilingual DomainError), so a
/// non-nullable property is not implicitly required by binding.
/// </summary>
internal static class BindingMessages
{
    public static void Apply(MvcOptions o)
    {
        o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        var m = o.ModelBindingMessageProvider;
        m.SetMissingBindRequiredValueAccessor(name => T($"请填写“{name}”", $"'{name}' is required"));
        m.SetMissingKeyOrValueAccessor(() => T("请填写此项", "A value is required"));
        m.SetMissingRequestBodyRequiredValueAccessor(() => T("请求内容不能为空", "The request needs a body"));
        m.SetValueMustNotBeNullAccessor(value => T("请填写此项", "A value is required"));
        m.SetAttemptedValueIsInvalidAccessor((value, name) => T($"“{value}”不是有效的值", $"'{value}' is not a valid value"));
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => T($"“{value}”不是有效的值", $"'{value}' is not a valid value"));
        m.SetUnknownValueIsInvalidAccessor(name => T("填写的值无效", "The value is not valid"));
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => T("填写的值无效", "The value is not valid"));
        m.SetValueIsInvalidAccessor(value => T($"“{value}”无效", $"'{value}' is not valid"));
        m.SetValueMustBeANumberAccessor(name => T("请填写数字", "Give a number"));
        m.SetNonPropertyValueMustBeANumberAccessor(() => T("请填写数字", "Give a number"));
    }
}
