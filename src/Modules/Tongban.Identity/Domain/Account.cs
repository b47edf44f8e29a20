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

    public static string Mask(string? phone) => phone is { Length: 11 } ? MobilePhone.Mask(phone) : "";
}

/// <summary>Checks and normalises what an account is registered with; pure, so the rules hold whoever stores the account.</summary>
internal static class AccountRules
{
    public sealed record Checked(string IdNumber, string Name, string Phone);

    public static Checked Check(string? idNumber, string? name, string? phone) => Check(idNumber, name, phone, phoneRequired: true);

    /// <summary>An e-mail address trimmed, or null when empty; one that is not an address (or over 254 characters) is refused.</summary>
    public static string? CheckEmail(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length == 0) return null;
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        var valid = trimmed.Length <= 254 && at > 0 && trimmed.IndexOf('.', at) > at + 1 && !trimmed.EndsWith('.')
            && !trimmed.Any(char.IsWhiteSpace) && trimmed.Count(c => c == '@') == 1;
        return valid ? trimmed : throw new DomainException(new DomainError("account.email", "请填写有效的电子邮件地址", "Enter a valid e-mail address", Field: "email"));
    }

    /// <summary>The rules of <see cref="Check(string?, string?, string?)"/>; an account from an upstream provider may come without a phone (then <c>Phone</c> is null).</summary>
    public static Checked Check(string? idNumber, string? name, string? phone, bool phoneRequired)
    {
        var errors = new List<DomainError>();
        if (!ResidentIdNumber.TryParse(idNumber, out var id, out var idError)) errors.Add(idError!.At("id_number"));
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 50)
            errors.Add(new("account.name", "请填写姓名（不超过50字）", "Give a name (50 characters at most)", Field: "name"));
        var mobile = PhoneNumbers.Normalize(phone);
        if (mobile is null && (phoneRequired || !string.IsNullOrWhiteSpace(phone)))
            errors.Add(new("account.phone", "请填写11位手机号码", "Give an 11-digit mobile phone number", Field: "phone"));
        if (errors.Count > 0) throw new DomainException(errors);
        return new Checked(id!.Value.Value, name!.Trim(), mobile!);
    }

    public static void CheckPlacement(StaffPlacement placement)
    {
        if (string.IsNullOrWhiteSpace(placement.DepartmentCode) == string.IsNullOrWhiteSpace(placement.StationKey))
            throw new DomainException(new DomainError("staff.placement", "请填写所属部门或驿站（二选一）", "Give the department or the station (one of them)", Field: "department_code"));
    }
}

/// <summary>
/// The escalating lock: ten failures lock for 15 minutes; each further lock before a successful sign-in doubles the
/// wait (30 min, 1 h, …, at most 24 h).
/// </summary>
internal readonly record struct SignInLock(int FailedSignIns, int Lockouts, DateTimeOffset? LockedUntil)
{
    public const int FailuresBeforeLock = 10;
    public static readonly TimeSpan FirstLock = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan LongestLock = TimeSpan.FromHours(24);

    public bool IsLocked(DateTimeOffset now) => LockedUntil > now;

    public SignInLock AfterFailure(DateTimeOffset now)
    {
        var failed = FailedSignIns + 1;
        if (failed < FailuresBeforeLock) return this with { FailedSignIns = failed };
        var minutes = Math.Min(FirstLock.TotalMinutes * Math.Pow(2, Lockouts), LongestLock.TotalMinutes);
        return new SignInLock(0, Lockouts + 1, now.AddMinutes(minutes));
    }

    public static SignInLock AfterSuccess => new(0, 0, null);
}
