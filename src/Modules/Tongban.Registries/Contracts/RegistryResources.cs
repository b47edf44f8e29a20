namespace Tongban.Registries.Contracts;

/// <summary>
/// What a read through the registries' own resources reads, named for the person it was about ("谁查看了我的数据"): the
/// facts that stand in for paper materials (<see cref="IRegistryVerification.FetchFactAsync"/>) and the checks of a person
/// or an entity. A resource of the data-sharing catalog is named by the sharing module.
/// </summary>
public static class RegistryResources
{
    public static readonly IReadOnlyDictionary<string, (string Chinese, string English)> Names = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["population.identity"] = ("居民身份信息", "Identity"),
        ["population.household"] = ("户籍信息", "Household registration"),
        ["population.marriage"] = ("婚姻状况", "Marital status"),
        ["legal-entity.registration"] = ("企业登记信息", "Business registration"),
        ["legal-entities.identity"] = ("法人登记信息", "Legal entity registration"),
        ["geospatial.parcel"] = ("宗地信息", "Land parcel"),
        ["credit.status"] = ("信用状况", "Credit standing"),
    };

    /// <summary>The name of a registry resource (also written <c>fact:{name}</c>), or null when it is not one.</summary>
    public static (string Chinese, string English)? NameOf(string resource) =>
        Names.TryGetValue(resource.StartsWith("fact:", StringComparison.Ordinal) ? resource[5..] : resource, out var name) ? name : null;
}
