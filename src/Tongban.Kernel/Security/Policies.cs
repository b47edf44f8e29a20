namespace Tongban.Kernel.Security;

/// <summary>
/// Authorization policy names shared by every module. Each policy requires the role of the same name;
/// the identity module backs the roles with real accounts, the development sign-in with a picker.
/// </summary>
public static class Policies
{
    public const string SystemAdministrator = "system-administrator";
    public const string CatalogAdministrator = "catalog-administrator";
    public const string LegalityReviewer = "legality-reviewer";
    public const string LicenseAdministrator = "license-administrator";
    public const string DataAdministrator = "data-administrator";
    public const string WindowClerk = "window-clerk";
    public const string StationAgent = "station-agent";

    /// <summary>帮办代办员: on a hall's agency team, acts for enterprises on their investment projects' items when the hall assigns them.</summary>
    public const string AgencyAgent = "agency-agent";
    public const string Reviewer = "reviewer";
    public const string Approver = "approver";
    public const string EfficiencySupervisor = "efficiency-supervisor";
    public const string Leader = "leader";

    /// <summary>
    /// A department system calling the exchange API as an OAuth2 client (client credentials), not a person.
    /// Its token carries <see cref="ClientClaims.ClientId"/> and <see cref="ClientClaims.Department"/>.
    /// </summary>
    public const string ExchangeClient = "exchange-client";

    /// <summary>Every staff role with its Chinese and English name, in the order the UI lists them.</summary>
    public static readonly IReadOnlyList<(string Role, string Chinese, string English)> All =
    [
        (SystemAdministrator, "系统管理员", "System administrator"),
        (CatalogAdministrator, "事项管理员", "Catalog administrator"),
        (LegalityReviewer, "合法性审查员", "Legality reviewer"),
        (LicenseAdministrator, "证照管理员", "License administrator"),
        (DataAdministrator, "数据管理员", "Data administrator"),
        (WindowClerk, "窗口人员", "Window clerk"),
        (StationAgent, "驿站代办员", "Station agent"),
        (AgencyAgent, "帮办代办员", "Agency agent"),
        (Reviewer, "审查人员", "Reviewer"),
        (Approver, "审批人员", "Approver"),
        (EfficiencySupervisor, "效能督查员", "Efficiency supervisor"),
        (Leader, "领导", "Leader"),
    ];
}

/// <summary>Claims of a calling system's token, whichever server issued it.</summary>
public static class ClientClaims
{
    /// <summary>The OAuth2 client id (the claim name OpenID Connect servers use).</summary>
    public const string ClientId = "client_id";

    /// <summary>The credit code of the department the system belongs to.</summary>
    public const string Department = "department";

    /// <summary>The authentication scheme that validates system tokens.</summary>
    public const string Scheme = "client-token";
}
