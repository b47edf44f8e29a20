using Tongban.Kernel.Errors;
using Tongban.Kernel.Forms;

namespace Tongban.Applications.Features.SubmitApplication;

/// <summary>
/// An application's form values checked by the item's definition. Errors name their field as <c>form.{key}</c>: the
/// path of the value in an application (<c>Input.Form[key]</c> on a page, <c>form.key</c> in the API's JSON).
/// </summary>
internal static class ApplicationForms
{
    /// <summary>The cleaned values (canonical, hidden fields dropped), or every field at fault at once.</summary>
    public static IReadOnlyDictionary<string, string> Clean(FormDefinition form, IReadOnlyDictionary<string, string> values)
    {
        var result = form.Validate(values.ToDictionary(v => v.Key, string? (v) => v.Value));
        return result.IsValid ? result.Values
            : throw new DomainException([.. result.Errors.Select(e => e with { Field = $"form.{e.Field}" })]);
    }
}
