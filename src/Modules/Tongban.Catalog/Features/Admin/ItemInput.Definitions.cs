using Tongban.Kernel.Errors;
using Tongban.Kernel.Forms;

namespace Tongban.Catalog.Features.Admin;

/// <summary>The application form and the handling process as rows of text; their rules are the domain's.</summary>
internal sealed partial class ItemInput
{
    public List<FormFieldRow> FormFields { get; set; } = [];
    public List<ProcessRow> Process { get; set; } = [];

    /// <summary>One handling step: key, names and the role that does it.</summary>
    internal sealed class ProcessRow
    {
        public string? Key { get; set; }
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
        public string? Role { get; set; }

        public bool IsEmpty => Blank(Key, NameZh, NameEn, Role);
    }

    /// <summary>The form the rows describe; text that cannot be read (a bad option line, a number) is an error on the form's rows.</summary>
    private FormDefinition ToForm(List<DomainError> errors) => FormFieldRow.Read(FormFields, "form_fields", errors);
}
