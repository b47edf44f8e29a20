using Microsoft.AspNetCore.Identity;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;

namespace Tongban.Identity.Domain;

internal enum AccountKind
{
    Citizen = 1,
    Staff = 2,
}

/// <summary>实名等级: how sure the platform is that the account belongs to the person it names.</summary>
internal enum RealNameLevel
{
    /// <summary>L1: registered by the person, nothing checked but the ID number's check character.</summary>
    SelfRegistered = 1,

    /// <summary>L2: ID number and name match a living person in the population registry.</summary>
    RegistryVerified = 2,

    /// <summary>L3: seen in person, with the ID card, by a window clerk or station agent.</summary>
    VerifiedInPerson = 3,
}

/// <summary>
/// A person's account, citizen or staff, keyed by the resident ID number. It extends ASP.NET Core Identity's
/// user (password hash, phone, authenticator key, security stamp); the ID number is stored here once, in its
/// own unique column, and the Identity user name is the account id, so the number never travels as a login name.
/// Identity's own lockout is off: <see cref="RecordFailedSignIn"/> escalates the waits.
/// </summary>
internal sealed class Account : IdentityUser<Guid>
{
    public const int FailuresBeforeLock = 10;
    public static readonly TimeSpan FirstLock = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LongestLock = TimeSpan.FromHours(24);

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

    public string MaskedIdNumber => ResidentIdNumber.Mask(IdNumber);

    public static Account RegisterCitizen(string idNumber, string name, string phone, DateTimeOffset at) =>
        Create(AccountKind.Citizen, idNumber, name, phone, at);

    public static Account CreateStaff(string idNumber, string name, string phone, StaffPlacement placement, DateTimeOffset at)
    {
        var account = Create(AccountKind.Staff, idNumber, name, phone, at);
        account.Place(placement);
        return account;
    }

    private static Account Create(AccountKind kind, string idNumber, string name, string phone, DateTimeOffset at)
    {
        var errors = new List<DomainError>();
        if (!ResidentIdNumber.TryParse(idNumber, out var id, out var idError)) errors.Add(idError!.At("id_number"));
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 50)
            errors.Add(new("account.name", "请填写姓名（不超过50字）", "Give a name (50 characters at most)", Field: "name"));
        var mobile = PhoneNumbers.Normalize(phone);
        if (mobile is null)
            errors.Add(new("account.phone", "请填写11位手机号码", "Give an 11-digit mobile phone number", Field: "phone"));
        if (errors.Count > 0) throw new DomainException(errors);
        var accountId = Guid.CreateVersion7();
        return new Account
        {
            Id = accountId, UserName = accountId.ToString("N"), Kind = kind, IdNumber = id!.Value.Value, Name = name.Trim(),
            PhoneNumber = mobile, Level = RealNameLevel.SelfRegistered, CreatedAt = at, SecurityStamp = Guid.NewGuid().ToString("N"),
        };
    }

    public void Place(StaffPlacement placement)
    {
        if (Kind != AccountKind.Staff) throw new InvalidOperationException("Only staff accounts have a placement.");
        if (string.IsNullOrWhiteSpace(placement.DepartmentCode) == string.IsNullOrWhiteSpace(placement.StationKey))
            throw new DomainException(new DomainError("staff.placement", "请填写所属部门或驿站（二选一）", "Give the department or the station (one of them)", Field: "department_code"));
        DepartmentCode = Blank(placement.DepartmentCode);
        StationKey = Blank(placement.StationKey);
        DivisionScope = placement.DivisionScope.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct().ToList();
    }

    /// <summary>L2: the registry confirmed the ID number and name. Never lowers an L3.</summary>
    public void VerifyAgainstRegistry(DateTimeOffset at)
    {
        if (Level >= RealNameLevel.RegistryVerified) return;
        Level = RealNameLevel.RegistryVerified;
        VerifiedAt = at;
        VerifiedBy = "registry:population";
    }

    /// <summary>L3: a clerk or station agent saw the person and the ID card.</summary>
    public void VerifyInPerson(string staff, DateTimeOffset at)
    {
        Level = RealNameLevel.VerifiedInPerson;
        VerifiedAt = at;
        VerifiedBy = staff;
    }

    public bool IsLocked(DateTimeOffset now) => LockedUntil > now;

    /// <summary>
    /// Ten failures lock the account for 15 minutes; each further lock before a successful sign-in doubles the
    /// wait (30 min, 1 h, …, at most 24 h). Returns the new lock's end, if this failure caused one.
    /// </summary>
    public DateTimeOffset? RecordFailedSignIn(DateTimeOffset now)
    {
        FailedSignIns++;
        if (FailedSignIns < FailuresBeforeLock) return null;
        var minutes = Math.Min(FirstLock.TotalMinutes * Math.Pow(2, Lockouts), LongestLock.TotalMinutes);
        Lockouts++;
        FailedSignIns = 0;
        LockedUntil = now.AddMinutes(minutes);
        return LockedUntil;
    }

    public void RecordSignIn()
    {
        FailedSignIns = 0;
        Lockouts = 0;
        LockedUntil = null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal sealed record StaffPlacement(string? DepartmentCode, string? StationKey, IReadOnlyList<string> DivisionScope);

internal static class PhoneNumbers
{
    /// <summary>An 11-digit mainland mobile number starting with 1, spaces and dashes removed; null when it is not one.</summary>
    public static string? Normalize(string? phone)
    {
        var digits = new string((phone ?? "").Where(c => c is not (' ' or '-')).ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        return digits.Length == 11 && digits[0] == '1' && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static string Mask(string? phone) => phone is { Length: 11 } ? phone[..3] + "****" + phone[^4..] : "";
}
