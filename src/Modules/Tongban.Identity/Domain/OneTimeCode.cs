using System.Security.Cryptography;
using System.Text;

namespace Tongban.Identity.Domain;

internal enum CodePurpose
{
    SignIn = 1,
    ResetPassword = 2,

    /// <summary>Sent to a new mobile number, to prove it is the account holder's before it replaces the old one.</summary>
    ChangePhone = 3,
}

/// <summary>
/// A six-digit code sent by SMS. Only its keyed hash is stored; it is good for five minutes, for one use, and
/// for five wrong guesses at most.
/// </summary>
internal sealed class OneTimeCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public const int MaxAttempts = 5;

    private OneTimeCode() { }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public CodePurpose Purpose { get; private set; }
    public string Hash { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    /// <param name="boundTo">What the code is good for besides its purpose (the new number it was sent to): it is hashed with the code, so it works for that alone.</param>
    public static (OneTimeCode Code, string Plain) Issue(Guid account, CodePurpose purpose, DateTimeOffset now, string? boundTo = null)
    {
        var plain = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var code = new OneTimeCode { Id = Guid.CreateVersion7(), AccountId = account, Purpose = purpose, ExpiresAt = now + Lifetime };
        code.Hash = HashOf(code.Id, plain, boundTo);
        return (code, plain);
    }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt && Attempts < MaxAttempts;

    /// <summary>Consumes the code when it matches; counts a wrong guess otherwise.</summary>
    public bool TryUse(string? plain, DateTimeOffset now, string? boundTo = null)
    {
        if (!IsUsable(now)) return false;
        var given = Encoding.ASCII.GetBytes(HashOf(Id, (plain ?? "").Trim(), boundTo));
        if (!CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(Hash)))
        {
            Attempts++;
            return false;
        }
        UsedAt = now;
        return true;
    }

    private static string HashOf(Guid id, string plain, string? boundTo) =>
        Convert.ToHexString(HMACSHA256.HashData(id.ToByteArray(), Encoding.UTF8.GetBytes(boundTo is null ? plain : plain + "|" + boundTo)));
}
