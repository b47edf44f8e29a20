namespace Tongban.Identity.Contracts;

/// <summary>实名等级 of an account: 1 self-registered, 2 verified against the registries, 3 verified in person.</summary>
public enum RealNameLevelInfo
{
    L1 = 1,
    L2 = 2,
    L3 = 3,
}

/// <summary>An account as other modules see it: never the ID number in clear.</summary>
public sealed record AccountInfo(Guid Id, string DisplayName, RealNameLevelInfo Level, bool IsStaff, string MaskedIdNumber);

/// <summary>
/// Where to reach an account holder: the mobile number kept at registration, and an e-mail address if one was set, with
/// whether its holder confirmed it (a link sent to it was opened). For notifications only; never logged unmasked.
/// </summary>
public sealed record AccountContact(Guid Id, string? Phone, string? Email, bool EmailConfirmed);

/// <summary>An enterprise (法人) an account acts for, by its unified social credit code.</summary>
public sealed record EnterpriseInfo(string CreditCode, string Name);

/// <summary>What other modules may ask about accounts, e.g. the applications module leading an applicant to step-up.</summary>
public interface IAccountDirectory
{
    Task<AccountInfo?> FindAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Several accounts in one query (a staff list of many holders), by id; ids not found are left out.</summary>
    Task<IReadOnlyDictionary<Guid, AccountInfo>> FindManyAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken);

    /// <summary>
    /// The account registered with this resident ID number (one per number), or null. For staff who identify an applicant
    /// at a window; the caller records why it looked (the number itself is never logged).
    /// </summary>
    Task<AccountInfo?> FindByIdNumberAsync(string idNumber, CancellationToken cancellationToken);

    /// <summary>The account's real-name level, or null when there is no such account.</summary>
    Task<RealNameLevelInfo?> RealNameLevelAsync(Guid accountId, CancellationToken cancellationToken);

    Task<string?> DisplayNameAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>
    /// The account holder's own ID number, for a registry fact fetched at their request and with their consent (the
    /// applications module); never to be shown, logged or put in a URL. Null when there is no such account.
    /// </summary>
    Task<string?> OwnIdNumberAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>
    /// The enterprises the account legally represents that the legal-entity registry confirmed (L2), for a fact about an
    /// enterprise read in its name (its credit code, never the person's ID number). Empty when there are none.
    /// </summary>
    Task<IReadOnlyList<EnterpriseInfo>> RepresentedEnterprisesAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>
    /// The verified enterprises the account may act for in an agent scope (<c>apply</c>, <c>track</c>, <c>licenses</c>):
    /// as their legal representative (every scope), or as an agent given that scope whose role has not expired.
    /// </summary>
    Task<IReadOnlyList<EnterpriseInfo>> EnterprisesInScopeAsync(Guid accountId, string scope, CancellationToken cancellationToken);

    /// <summary>The account's phone and e-mail for notifications, or null when there is no such account (or it is deactivated).</summary>
    Task<AccountContact?> ContactAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Where to send an applicant to raise their level (L2 online; L3 needs a visit).</summary>
    string StepUpPath { get; }
}

/// <summary>
/// Something an account holder must hear about out of band, published through the identity module's outbox once the
/// change behind it is committed: a sign-in from a device or network not seen before, their claim to an enterprise
/// revoked, their password changed. The identity module texts it to the account's phone (<see cref="ISmsSender"/>);
/// another module may subscribe to <see cref="MessageType"/> too (an inbox message, say). The texts never hold an ID number.
/// </summary>
public sealed record AccountNotice(Guid AccountId, string Kind, string Chinese, string English)
{
    public const string MessageType = "identity.account_notice";
}

/// <summary>The kinds of <see cref="AccountNotice"/>.</summary>
public static class AccountNoticeKinds
{
    public const string UnfamiliarSignIn = "unfamiliar_sign_in";
    public const string EnterpriseClaimRevoked = "enterprise_claim_revoked";
    public const string PasswordChanged = "password_changed";
}

/// <summary>Sends a text message to a mainland mobile number. The host plugs in an operator's gateway; development stores them.</summary>
public interface ISmsSender
{
    Task SendAsync(string phoneNumber, string message, CancellationToken cancellationToken);

    /// <summary>False where no gateway is plugged in: a page does not offer what would be texted (a kiosk's 到号提醒).</summary>
    bool CanSend => true;
}

/// <summary>
/// Sends the message that lets an account holder confirm their e-mail address: the address and the single-use link to
/// open. The notifications module implements it with its mail sender (so <c>/dev/mail</c> shows it in development).
/// </summary>
public interface IEmailConfirmationSender
{
    Task SendAsync(string address, Uri link, CancellationToken cancellationToken);
}

/// <summary>
/// A principal's authorisation (代办授权) for an agent — a station agent or another citizen — to apply for named
/// service items in the principal's name until a date.
/// </summary>
public sealed record ProxyAuthorisationInfo(
    Guid Id, Guid PrincipalAccountId, Guid AgentAccountId, IReadOnlyList<string> ItemCodes, DateOnly ValidUntil);

/// <summary>What the applications and halls modules ask before an agent acts for a principal.</summary>
public interface IProxyAuthorisations
{
    /// <summary>
    /// The authorisation that lets <paramref name="agentAccountId"/> apply for <paramref name="itemCode"/> in
    /// <paramref name="principalAccountId"/>'s name today, or null when none is in force (none given, revoked,
    /// expired, or not for that item).
    /// </summary>
    Task<ProxyAuthorisationInfo?> FindInForceAsync(Guid agentAccountId, Guid principalAccountId, string itemCode, CancellationToken cancellationToken);

    /// <summary>The principals who have authorisations in force for this agent, for the agent's picker.</summary>
    Task<IReadOnlyList<ProxyAuthorisationInfo>> InForceForAgentAsync(Guid agentAccountId, CancellationToken cancellationToken);
}

/// <summary>
/// An authorisation staff grant on a principal's recorded request (an enterprise asking the hall for free agency, 帮办代办):
/// the principal, the agent, the items, until when, the request it is granted on (<c>Basis</c>, e.g. <c>hall-agency:{id}</c>)
/// and who granted it (an actor name).
/// </summary>
public sealed record ProxyRequestGrant(Guid PrincipalAccountId, Guid AgentAccountId, IReadOnlyList<string> ItemCodes, DateOnly ValidUntil,
    string Basis, string GrantedBy);

/// <summary>
/// Proxy authorisations made by staff on a principal's request — the same authorisations as those the principal grants on
/// their proxies page (the principal sees and may revoke them there; <see cref="IProxyAuthorisations"/> finds them for the
/// agent), with the request recorded as their basis. Apart from <see cref="IProxyAuthorisations"/> so that its test
/// doubles need not implement it.
/// </summary>
public interface IProxyGrantsOnRequest
{
    /// <summary>
    /// Grants it (the principal's rules: not oneself, 1–20 item codes, until a date within a year) and audits
    /// <c>identity.proxy_granted</c> with the basis. The principal must be an active citizen account and the agent an active
    /// account; the caller has checked that the request asked for this. Refused with a <c>DomainException</c> otherwise.
    /// </summary>
    Task<ProxyAuthorisationInfo> GrantAsync(ProxyRequestGrant grant, CancellationToken cancellationToken);

    /// <summary>
    /// The request ended: revokes the authorisation granted on <paramref name="basis"/> (audited <c>identity.proxy_revoked</c>
    /// with <paramref name="endedBy"/>); nothing when it is already revoked, or not one granted on that basis.
    /// </summary>
    Task EndAsync(Guid authorisationId, string basis, string endedBy, CancellationToken cancellationToken);
}

/// <summary>A staff member as another module sees them: name and the divisions they act in (empty: the whole region).</summary>
public sealed record StaffMemberInfo(Guid Id, string Name, IReadOnlyList<string> Divisions);

/// <summary>Staff by role, for a module that picks one of them (the hall's agency team). Apart from <see cref="IAccountDirectory"/> so its test doubles need not implement it.</summary>
public interface IStaffDirectory
{
    /// <summary>The active staff accounts holding <paramref name="role"/> (a role of <c>Policies.All</c>), by name.</summary>
    Task<IReadOnlyList<StaffMemberInfo>> WithRoleAsync(string role, CancellationToken cancellationToken);
}

/// <summary>The OpenID Connect server's signing and encryption keys (for the <c>tongban identity rotate-keys</c> command).</summary>
public interface IOpenIdConnectKeys
{
    /// <summary>Adds a new current signing key and encryption key; the previous ones stay published and keep validating.</summary>
    Task RotateAsync(CancellationToken cancellationToken);
}
