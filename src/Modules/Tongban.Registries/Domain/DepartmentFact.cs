namespace Tongban.Registries.Domain;

/// <summary>
/// A fact a department's own system keeps, standing in for a paper material as a registry fact does (住房公积金缴存证明 →
/// <c>housing-fund.deposit</c>): which sharing resource it is read through, for which purpose (the purpose of the city's
/// grant on that resource), and which items it shows, named in both languages. Loaded from the region pack
/// (<c>department_facts.csv</c>).
/// </summary>
internal sealed class DepartmentFact
{
    public string Name { get; private set; } = "";
    public string Chinese { get; private set; } = "";
    public string English { get; private set; } = "";
    public string Resource { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public List<DepartmentFactItem> Items { get; private set; } = [];

    private DepartmentFact() { }

    public DepartmentFact(string name, string chinese, string english, string resource, string purpose, List<DepartmentFactItem> items) =>
        (Name, Chinese, English, Resource, Purpose, Items) = (name, chinese, english, resource, purpose, items);
}

/// <summary>One item of a department fact: the resource's item name and how a person reads it.</summary>
internal sealed record DepartmentFactItem(string Name, string Chinese, string English);
