using Tongban.Registries.Contracts;
using Tongban.Registries.Domain;
using static Tongban.Registries.Contracts.FieldSensitivity;

namespace Tongban.Registries.Features;

/// <summary>
/// The data items of each registry: their public names, types and sensitivity (what the resource catalog
/// registers), and how a stored record shows through them. A field's name is the one the exchange API takes.
/// </summary>
internal static class RegistryShapes
{
    public static readonly RegistryDescription Population = new(RegistryKind.Population, "population", "人口库", "Population registry", "idNumber",
    [
        new("idNumber", "string", Sensitive, "公民身份号码", "ID number"),
        new("name", "string", Sensitive, "姓名", "Name"),
        new("sex", "string", Internal, "性别", "Sex"),
        new("birthDate", "date", Sensitive, "出生日期", "Birth date"),
        new("ethnicity", "string", Internal, "民族", "Ethnicity"),
        new("address", "string", Sensitive, "户籍地址", "Household address"),
        new("divisionCode", "string", Internal, "户籍地行政区划", "Household division"),
        new("householdNumber", "string", Sensitive, "户号", "Household number"),
        new("relationToHead", "string", Sensitive, "与户主关系", "Relation to the head of household"),
        new("maritalStatus", "string", Sensitive, "婚姻状况", "Marital status"),
        new("status", "string", Internal, "人员状态", "Status (living, deceased, moved-out)"),
        new("updatedOn", "date", Internal, "更新日期", "Last updated"),
    ]);

    public static readonly RegistryDescription LegalEntities = new(RegistryKind.LegalEntities, "legal-entities", "法人库", "Legal entity registry", "creditCode",
    [
        new("creditCode", "string", Public, "统一社会信用代码", "Credit code"),
        new("name", "string", Public, "名称", "Name"),
        new("entityType", "string", Public, "类型", "Type"),
        new("legalRepresentative", "string", Public, "法定代表人", "Legal representative"),
        new("address", "string", Public, "住所", "Registered address"),
        new("divisionCode", "string", Public, "住所行政区划", "Division"),
        new("status", "string", Public, "登记状态", "Status (active, cancelled, revoked, moved-out)"),
        new("establishedOn", "date", Public, "成立日期", "Established on"),
        new("businessScope", "string", Public, "经营范围", "Business scope"),
        new("legalRepresentativeIdNumber", "string", Sensitive, "法定代表人身份证号码", "Legal representative's ID number"),
        new("updatedOn", "date", Internal, "更新日期", "Last updated"),
    ]);

    public static readonly RegistryDescription Geospatial = new(RegistryKind.Geospatial, "geospatial", "地理空间库", "Geospatial registry", "code",
    [
        new("code", "string", Public, "编码", "Code"),
        new("kind", "string", Public, "类别（地名、地址、宗地）", "Kind (place, address, parcel)"),
        new("name", "string", Public, "名称", "Name"),
        new("divisionCode", "string", Public, "所在行政区划", "Division"),
        new("geometry", "geojson", Internal, "空间位置（GeoJSON）", "Geometry (GeoJSON)"),
        new("updatedOn", "date", Internal, "更新日期", "Last updated"),
    ]);

    public static readonly RegistryDescription CreditLists = new(RegistryKind.CreditLists, "credit-lists", "信用红黑名单", "Credit red and black lists", "subjectCode",
    [
        new("entryNumber", "string", Public, "认定文书号", "Entry number"),
        new("subjectCode", "string", Sensitive, "主体代码", "Subject's ID number or credit code"),
        new("subjectName", "string", Internal, "主体名称", "Subject's name"),
        new("list", "string", Public, "名单类别（红、黑）", "List (red, black)"),
        new("reason", "string", Public, "列入事由", "Reason"),
        new("sourceDepartment", "string", Public, "认定部门", "Source department"),
        new("listedOn", "date", Public, "列入日期", "Listed on"),
        new("expiresOn", "date", Public, "有效期至", "Valid until"),
        new("updatedOn", "date", Internal, "更新日期", "Last updated"),
    ]);

    public static readonly IReadOnlyList<RegistryDescription> All = [Population, LegalEntities, Geospatial, CreditLists];

    public static RegistryDescription Of(RegistryKind kind) => All[(int)kind];

    // The codes the files and the API use for each enum: one table each, read by the importer and written by the reader.
    public static readonly (string Code, PersonStatus Value)[] PersonStatuses = [("living", PersonStatus.Living), ("deceased", PersonStatus.Deceased), ("moved-out", PersonStatus.MovedOut)];
    public static readonly (string Code, EntityStatus Value)[] EntityStatuses =
        [("active", EntityStatus.Active), ("cancelled", EntityStatus.Cancelled), ("revoked", EntityStatus.Revoked), ("moved-out", EntityStatus.MovedOut)];
    public static readonly (string Code, GeoKind Value)[] GeoKinds = [("place", GeoKind.Place), ("address", GeoKind.Address), ("parcel", GeoKind.Parcel)];
    public static readonly (string Code, CreditList Value)[] ListCodes = [("red", CreditList.Red), ("black", CreditList.Black)];

    /// <summary>The codes of the coded fields as a person reads them, beside the codes themselves.</summary>
    private static readonly Dictionary<(string Field, string Code), (string Zh, string En)> Labels = new()
    {
        [("status", "living")] = ("正常", "Living"), [("status", "deceased")] = ("已死亡", "Deceased"), [("status", "moved-out")] = ("已迁出", "Moved out"),
        [("status", "active")] = ("存续", "Active"), [("status", "cancelled")] = ("注销", "Cancelled"), [("status", "revoked")] = ("吊销", "Revoked"),
        [("kind", "place")] = ("地名", "Place name"), [("kind", "address")] = ("地址", "Address"), [("kind", "parcel")] = ("宗地", "Land parcel"),
        [("list", "red")] = ("红名单", "Red list"), [("list", "black")] = ("黑名单", "Black list"),
        [("sex", "男")] = ("男", "Male"), [("sex", "女")] = ("女", "Female"),
    };

    /// <summary>A field's value for a reader, in both languages: a code by its label; any other value as it is.</summary>
    public static (string Zh, string En) Label(string field, string value) => Labels.TryGetValue((field, value), out var label) ? label : (value, value);

    public static string Code<TEnum>((string Code, TEnum Value)[] codes, TEnum value) where TEnum : struct, Enum =>
        Array.Find(codes, c => EqualityComparer<TEnum>.Default.Equals(c.Value, value)).Code;

    public static Dictionary<string, object?> Fields(Person p) => new(StringComparer.Ordinal)
    {
        ["idNumber"] = p.IdNumber, ["name"] = p.Name, ["sex"] = p.Sex == Sex.Male ? "男" : "女", ["birthDate"] = p.BirthDate,
        ["ethnicity"] = p.Ethnicity, ["address"] = p.Address, ["divisionCode"] = p.DivisionCode, ["householdNumber"] = p.HouseholdNumber,
        ["relationToHead"] = p.RelationToHead, ["maritalStatus"] = p.MaritalStatus, ["status"] = Code(PersonStatuses, p.Status), ["updatedOn"] = p.UpdatedOn,
    };

    public static Dictionary<string, object?> Fields(LegalEntity e) => new(StringComparer.Ordinal)
    {
        ["creditCode"] = e.CreditCode, ["name"] = e.Name, ["entityType"] = e.EntityType, ["legalRepresentative"] = e.LegalRepresentative,
        ["address"] = e.Address, ["divisionCode"] = e.DivisionCode, ["status"] = Code(EntityStatuses, e.Status), ["establishedOn"] = e.EstablishedOn,
        ["businessScope"] = e.BusinessScope, ["legalRepresentativeIdNumber"] = e.LegalRepresentativeIdNumber, ["updatedOn"] = e.UpdatedOn,
    };

    public static Dictionary<string, object?> Fields(GeoFeature g) => new(StringComparer.Ordinal)
    {
        ["code"] = g.Code, ["kind"] = Code(GeoKinds, g.Kind), ["name"] = g.Name, ["divisionCode"] = g.DivisionCode,
        ["geometry"] = System.Text.Json.JsonDocument.Parse(g.Geometry).RootElement, ["updatedOn"] = g.UpdatedOn,
    };

    public static Dictionary<string, object?> Fields(CreditEntry c) => new(StringComparer.Ordinal)
    {
        ["entryNumber"] = c.EntryNumber, ["subjectCode"] = c.SubjectCode, ["subjectName"] = c.SubjectName, ["list"] = Code(ListCodes, c.List),
        ["reason"] = c.Reason, ["sourceDepartment"] = c.SourceDepartment, ["listedOn"] = c.ListedOn, ["expiresOn"] = c.ExpiresOn, ["updatedOn"] = c.UpdatedOn,
    };
}
