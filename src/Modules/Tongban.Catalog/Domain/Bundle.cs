using Tongban.Kernel.Errors;

namespace Tongban.Catalog.Domain;

/// <summary>A life event (一件事一次办): several items applied for together, by their basic codes.</summary>
internal sealed class Bundle
{
    private Bundle() { }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Subjects Subjects { get; private set; }
    public string? Summary { get; private set; }
    public List<string> BasicCodes { get; private set; } = [];

    public static Bundle Create(string code, string name, Subjects subjects, string? summary, IReadOnlyList<string> basicCodes)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(code)) errors.Add(new("bundle.code", "请填写主题编码", "The bundle needs a code", Field: "code"));
        if (string.IsNullOrWhiteSpace(name)) errors.Add(new("bundle.name", "请填写主题名称", "The bundle needs a name", Field: "name"));
        if (basicCodes.Count < 2) errors.Add(new("bundle.items", "一件事至少包含两个事项", "A bundle combines at least two items", Field: "items"));
        if (errors.Count > 0) throw new DomainException(errors);
        return new Bundle { Code = code.Trim(), Name = name.Trim(), Subjects = subjects, Summary = summary, BasicCodes = [.. basicCodes.Distinct()] };
    }

    public void Replace(Bundle other) => (Name, Subjects, Summary, BasicCodes) = (other.Name, other.Subjects, other.Summary, other.BasicCodes);
}
