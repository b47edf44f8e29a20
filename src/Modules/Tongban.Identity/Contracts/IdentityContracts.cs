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

/// <summary>The OpenID Connect server's signing and encryption keys (for the <c>tongban identity rotate-keys</c> command).</summary>
public interface IOpenIdConnectKeys
{
    /// <summary>Adds a new current signing key and encryption key; the previous ones stay published and keep validating.</summary>
    Task RotateAsync(CancellationToken cancellationToken);
}
