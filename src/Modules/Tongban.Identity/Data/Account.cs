using Microsoft.AspNetCore.Identity;
using Tongban.Identity.Domain;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;

namespace Tongban.Identity.Data;

/// <summary>
/// A person's account, citizen or staff, keyed by the resident ID number. It extends ASP.NET Core Identity's user
/// (password hash, phone, authenticator key, security stamp), so it lives beside the DbContext rather than in Domain;
/// the ID number is stored here once, in its own unique column, and the Identity user name is the account id, so the number never travels as a login name.
/// Identity's own lockout is off: <see cref="RecordFailedSignIn"/> escalates the waits. The rules it applies are the
/// plain types of Domain (<see cref="AccountRules"/>, <see cref="SignInLock"/>), see docs/adr/0010.
/// </summary>
internal sealed class Account : IdentityUser<Guid>
{
    private Account() { }

    public AccountKind Kind { get; private set; }
    public string IdNumber { get; private set; } = "";
    public string Name { get; private set; } = "";
    public RealNameLevel Level { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public string? VerifiedBy { get; private set; }

    /// <summary>Staff only: the department (credit code) or station (key) the person works for.</summary>
    public string? DepartmentCode { get; private set; }
    public string? StationKey { get; private set; }

    /// <summary>Staff only: the divisions (codes) the person acts in; empty means the whole region.</summary>
    public List<string> DivisionScope { get; private set; } = [];

    /// <summary>Failed sign-ins since the last success or lock, and how many locks in a row.</summary>
    public int FailedSignIns { get; private set; }
    public int Lockouts { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>The 30-second step of the last authenticator code accepted; that code and earlier ones are refused.</summary>
    public long? LastAuthenticatorStep { get; private set; }

    /// <summary>A deactivated account cannot sign in; its sessions were ended when it was deactivated.</summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }
    public string? DeactivatedBy { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    public string MaskedIdNumber => ResidentIdNumber.Mask(IdNumber);

    public static Account RegisterCitizen(string idNumber, string name, string phone, DateTimeOffset at) =>
        Create(AccountKind.Citizen, idNumber, name, phone, at);

    public static Account CreateStaff(string idNumber, string name, string phone, StaffPlacement placement, DateTimeOffset at)
    {
        var account = Create(AccountKind.Staff, idNumber, name, phone, at);
        account.Place(placement);
        return account;
    }

    /// <summary>A citizen account made at the first sign-in through the upstream provider: no password, no phone yet.</summary>
    public static Account FromUpstream(string idNumber, string name, DateTimeOffset at) =>
        Create(AccountKind.Citizen, idNumber, name, null, at);

    private static Account Create(AccountKind kind, string idNumber, string name, string? phone, DateTimeOffset at)
    {
        var valid = AccountRules.Check(idNumber, name, phone, phoneRequired: phone is not null);
        var accountId = Guid.CreateVersion7();
        return new Account
        {
            Id = accountId, UserName = accountId.ToString("N"), Kind = kind, IdNumber = valid.IdNumber, Name = valid.Name,
            PhoneNumber = valid.Phone, Level = RealNameLevel.SelfRegistered, CreatedAt = at, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
    }

    public void Place(StaffPlacement placement)
    {
        if (Kind != AccountKind.Staff) throw new InvalidOperationException("Only staff accounts have a placement.");
        AccountRules.CheckPlacement(placement);
        DepartmentCode = Blank(placement.DepartmentCode);
        StationKey = Blank(placement.StationKey);
        DivisionScope = placement.DivisionScope.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct().ToList();
    }

    /// <summary>
    /// Sets (or, empty, clears) the address notifications also go to: Identity's own e-mail column, never a sign-in name and
    /// never unique, so no one learns from it whether an address is registered. A changed address is unconfirmed until a
    /// link sent to it is opened (<see cref="ConfirmEmail"/>); saving the same address again keeps its confirmation.
    /// </summary>
    /// <returns>Whether the address changed.</returns>
    public bool SetEmail(string? email)
    {
        var checkedEmail = AccountRules.CheckEmail(email);
        if (string.Equals(checkedEmail, Email, StringComparison.OrdinalIgnoreCase)) return false;
        Email = checkedEmail;
        NormalizedEmail = Email?.ToUpperInvariant();
        EmailConfirmed = false;
        return true;
    }

    /// <summary>A new mobile number, proven by a code sent to it (checked by the caller); SMS sign-in and notices go to it from now on.</summary>
    public void ChangePhone(string phone)
    {
        PhoneNumber = PhoneNumbers.Normalize(phone) ?? throw new DomainException(new DomainError("account.phone", "请填写11位手机号码", "Give an 11-digit mobile phone number", Field: "phone"));
        PhoneNumberConfirmed = true;
    }

    /// <summary>The holder opened the link sent to the address (its token checked by the caller).</summary>
    public void ConfirmEmail()
    {
        if (Email is null) throw new InvalidOperationException("There is no e-mail address to confirm.");
        EmailConfirmed = true;
    }

    /// <summary>L2: the registry confirmed the ID number and name. Never lowers an L3.</summary>
    public void VerifyAgainstRegistry(DateTimeOffset at)
    {
        if (Level >= RealNameLevel.RegistryVerified) return;
        Level = RealNameLevel.RegistryVerified;
        VerifiedAt = at;
        VerifiedBy = "registry:population";
    }

    /// <summary>
    /// The level the upstream provider vouches for (already mapped to ours), taken when it is higher; only when the
    /// upstream's name is the account's name, so a number registered here under another name is not raised.
    /// </summary>
    public bool AcceptUpstreamLevel(RealNameLevel level, string upstreamName, string issuer, DateTimeOffset at)
    {
        if (level <= Level || !string.Equals(upstreamName.Trim(), Name, StringComparison.Ordinal)) return false;
        Level = level;
        VerifiedAt = at;
        var by = "upstream:" + issuer;
        VerifiedBy = by.Length > 100 ? by[..100] : by;
        return true;
    }

    /// <summary>L3: a clerk or station agent saw the person and the ID card.</summary>
    public void VerifyInPerson(string staff, DateTimeOffset at)
    {
        Level = RealNameLevel.VerifiedInPerson;
        VerifiedAt = at;
        VerifiedBy = staff;
    }

    public void Deactivate(string actor, DateTimeOffset at)
    {
        if (DeactivatedAt is not null)
            throw new DomainException(new DomainError("account.deactivated_already", "该账号已停用", "This account is deactivated already", ErrorKind.Conflict));
        DeactivatedAt = at;
        DeactivatedBy = actor;
    }

    public void Reactivate()
    {
        if (DeactivatedAt is null)
            throw new DomainException(new DomainError("account.active_already", "该账号未停用", "This account is active", ErrorKind.Conflict));
        DeactivatedAt = null;
        DeactivatedBy = null;
    }

    public bool IsLocked(DateTimeOffset now) => Lock.IsLocked(now);

    /// <summary>Counts a failure (see <see cref="SignInLock"/>); returns the new lock's end, if this failure caused one.</summary>
    public DateTimeOffset? RecordFailedSignIn(DateTimeOffset now)
    {
        var before = Lockouts;
        Lock = Lock.AfterFailure(now);
        return Lockouts > before ? LockedUntil : null;
    }

    public void RecordSignIn() => Lock = SignInLock.AfterSuccess;

    /// <summary>Accepts an authenticator code once: true and remembered when it is current and not used before.</summary>
    public bool UseAuthenticatorCode(string base32Key, string? code, DateTimeOffset now)
    {
        if (AuthenticatorCode.Match(base32Key, code, now, LastAuthenticatorStep) is not { } step) return false;
        LastAuthenticatorStep = step;
        return true;
    }

    private SignInLock Lock
    {
        get => new(FailedSignIns, Lockouts, LockedUntil);
        set => (FailedSignIns, Lockouts, LockedUntil) = (value.FailedSignIns, value.Lockouts, value.LockedUntil);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

