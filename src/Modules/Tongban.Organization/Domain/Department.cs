using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;

namespace Tongban.Organization.Domain;

/// <summary>A government department (or other implementing body), keyed by its unified social credit code.</summary>
internal sealed class Department
{
    private Department() { }

    public DepartmentId Id { get; private set; }
    public string CreditCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? NameEn { get; private set; }
    public string DivisionCode { get; private set; } = "";
    public string? Phone { get; private set; }
    public string? Address { get; private set; }

    public static Department Create(DepartmentDetails details) => new Department { Id = DepartmentId.New() }.Apply(details);

    public void Update(DepartmentDetails details) => Apply(details);

    private Department Apply(DepartmentDetails d)
    {
        var errors = new List<DomainError>();
        if (!Kernel.Identifiers.CreditCode.TryParse(d.CreditCode, out var code, out var codeError)) errors.Add(codeError!.At("credit_code"));
        if (string.IsNullOrWhiteSpace(d.Name))
            errors.Add(new DomainError("department.name_required", "请填写部门名称", "The department needs a name", Field: "name"));
        if (!Kernel.Identifiers.DivisionCode.TryParse(d.DivisionCode, out var division, out var divisionError)) errors.Add(divisionError!.At("division_code"));
        if (errors.Count > 0) throw new DomainException(errors);
        CreditCode = code!.Value.Value;
        Name = d.Name.Trim();
        NameEn = Blank(d.NameEn);
        DivisionCode = division!.Value.Value;
        Phone = Blank(d.Phone);
        Address = Blank(d.Address);
        return this;
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal sealed record DepartmentDetails(string CreditCode, string Name, string? NameEn, string DivisionCode, string? Phone, string? Address);
