using Tongban.Registries.Contracts;

namespace Tongban.Sharing.Domain;

/// <summary>基础 / 主题 / 部门 resources, as the national guide for government information resource catalogs classifies them.</summary>
internal enum ResourceClass
{
    /// <summary>基础信息资源: the base registries.</summary>
    Basic,

    /// <summary>主题信息资源: gathered around a theme (social security, credit, …).</summary>
    Thematic,

    /// <summary>部门信息资源: held by one department for its own work.</summary>
    Departmental,
}

/// <summary>无条件共享 / 有条件共享 / 不予共享.</summary>
internal enum SharingType
{
    Unconditional,
    Conditional,
    NotShared,
}

internal enum UpdateCycle
{
    Realtime,
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
    Irregular,
}

/// <summary>How a consumer reaches the data: a query interface, or a table handed over by exchange.</summary>
internal enum AccessMode
{
    Api,
    Table,
}

/// <summary>Where the working copy of a resource stands.</summary>
internal enum ResourceStatus
{
    Draft,
    Submitted,
    Returned,
    Published,
    Withdrawn,
}

internal enum RequestStatus
{
    Pending,
    Approved,
    Declined,
}

/// <summary>Names of the terms in both languages, for pages and messages.</summary>
internal static class TermNames
{
    public static (string Zh, string En) Of(ResourceClass c) => c switch
    {
        ResourceClass.Basic => ("基础", "Basic"),
        ResourceClass.Thematic => ("主题", "Thematic"),
        _ => ("部门", "Departmental"),
    };

    public static (string Zh, string En) Of(SharingType s) => s switch
    {
        SharingType.Unconditional => ("无条件共享", "Unconditional"),
        SharingType.Conditional => ("有条件共享", "Conditional"),
        _ => ("不予共享", "Not shared"),
    };

    public static (string Zh, string En) Of(UpdateCycle u) => u switch
    {
        UpdateCycle.Realtime => ("实时", "Real time"),
        UpdateCycle.Daily => ("每日", "Daily"),
        UpdateCycle.Weekly => ("每周", "Weekly"),
        UpdateCycle.Monthly => ("每月", "Monthly"),
        UpdateCycle.Quarterly => ("每季度", "Quarterly"),
        UpdateCycle.Yearly => ("每年", "Yearly"),
        _ => ("不定期", "Irregular"),
    };

    public static (string Zh, string En) Of(RegistryKind r) => r switch
    {
        RegistryKind.Population => ("人口库", "Population registry"),
        RegistryKind.LegalEntities => ("法人库", "Legal entity registry"),
        RegistryKind.Geospatial => ("地理空间库", "Geospatial registry"),
        _ => ("信用红黑名单", "Credit lists"),
    };

    public static (string Zh, string En) Of(AccessMode a) => a == AccessMode.Api ? ("接口", "API") : ("库表", "Table");

    public static (string Zh, string En) Of(ResourceStatus s) => s switch
    {
        ResourceStatus.Draft => ("草稿", "Draft"),
        ResourceStatus.Submitted => ("待审核", "Under review"),
        ResourceStatus.Returned => ("已退回", "Returned"),
        ResourceStatus.Published => ("已发布", "Published"),
        _ => ("已撤销", "Withdrawn"),
    };

    public static (string Zh, string En) Of(GrantState s) => s switch
    {
        GrantState.Active => ("有效", "Active"),
        GrantState.NotYetValid => ("未生效", "Not yet valid"),
        GrantState.Expired => ("已到期", "Expired"),
        GrantState.Revoked => ("已收回", "Revoked"),
        _ => ("无授权", "No grant"),
    };

    public static (string Zh, string En) Of(RequestStatus s) => s switch
    {
        RequestStatus.Pending => ("待审批", "Pending"),
        RequestStatus.Approved => ("已同意", "Approved"),
        _ => ("已拒绝", "Declined"),
    };
}
