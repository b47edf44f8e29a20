using Tongban.Kernel.Localization;

namespace Tongban.Kernel.Security;

/// <summary>
/// The actors of one page, named in the reader's language (made by <see cref="ActorDirectory.NamesAsync"/>). Two audiences:
/// <see cref="Of"/> for staff (a colleague by name, role and department) and <see cref="ForPublic"/> for an applicant or
/// any citizen, who reads a staff member as role and department only (审批人员（铁岭市公安局）), never their name.
/// </summary>
public sealed class ActorNames(IReadOnlyDictionary<string, ActorInfo> known)
{
    public static readonly ActorNames None = new(new Dictionary<string, ActorInfo>());

    public ActorInfo? Info(string actor) => known.GetValueOrDefault(ActorRef.Normalize(actor));

    /// <summary>For staff: a person's name; a staff member's name with the role (<paramref name="role"/> if the record says which) and department; a system's name.</summary>
    public string Of(string? actor, string? role = null) => Compose(actor, a => Staff(a, role), a => Staff(a, null));

    /// <summary>
    /// For the public: <paramref name="self"/> (the reader's account) as 本人, another person by name (an agent they
    /// authorised), staff as their role and department — <paramref name="role"/> and <paramref name="department"/> when the
    /// record knows them better (the step's role, the case's department) — and a system by name.
    /// </summary>
    public string ForPublic(string? actor, Guid? self = null, string? role = null, string? department = null) =>
        Compose(actor, a => Public(a, self, role, department), a => Public(a, self, null, null));

    private static string Compose(string? actor, Func<string, string> agent, Func<string, string> principal)
    {
        if (string.IsNullOrWhiteSpace(actor)) return "";
        var parts = ActorRef.Parts(actor).ToList();
        return parts.Count == 2
            ? Text.T($"{agent(parts[0])}（代{principal(parts[1])}办理）", $"{agent(parts[0])} (for {principal(parts[1])})")
            : agent(actor);
    }

    private string Staff(string actor, string? role)
    {
        if (Info(actor) is not { } info) return Unknown(actor);
        if (info.Kind != ActorKind.Staff) return Text.Pick(info.NameZh, info.NameEn);
        var roles = role is not null ? RoleName(role) : string.Join(Text.T("、", ", "), info.Roles.Select(RoleName));
        var place = info.Development ? Text.T("开发登录", "development sign-in") : Department(info);
        var detail = string.Join(Text.T("，", ", "), new[] { roles, place }.Where(s => !string.IsNullOrEmpty(s)));
        return detail.Length == 0 ? info.NameZh : Text.T($"{info.NameZh}（{detail}）", $"{info.NameZh} ({detail})");
    }

    private string Public(string actor, Guid? self, string? role, string? department)
    {
        if (self is { } me && ActorRef.AccountId(actor) == me) return Text.T("本人", "You");
        var info = Info(actor);
        if (info is { Kind: ActorKind.Person or ActorKind.System }) return Text.Pick(info.NameZh, info.NameEn);
        var roleName = role is not null ? RoleName(role) : info?.Roles is [var only] ? RoleName(only) : Text.T("工作人员", "Staff");
        var place = department ?? (info is null ? null : Department(info));
        return string.IsNullOrEmpty(place) ? roleName : Text.T($"{roleName}（{place}）", $"{roleName} ({place})");
    }

    private static string? Department(ActorInfo info) => info.DepartmentZh is null ? null : Text.Pick(info.DepartmentZh, info.DepartmentEn);

    public static string RoleName(string role) =>
        Policies.All.FirstOrDefault(p => p.Role == role) is { Role: not null } p ? Text.T(p.Chinese, p.English) : Text.T("工作人员", "Staff");

    private static string Unknown(string actor) => ActorRef.Normalize(actor) switch
    {
        var a when a.StartsWith("client:", StringComparison.Ordinal) => Text.T("未登记的外部系统", "An unregistered system"),
        var a when a.StartsWith("module:", StringComparison.Ordinal) => Text.T("平台内部系统", "A part of the platform"),
        _ => Text.T("已注销的账号", "A closed account"),
    };
}
