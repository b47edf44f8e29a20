using System.Security.Cryptography;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Halls.Domain;

/// <summary>
/// A rating tablet bound to its window (评价器配对). The window's clerk asks for a pairing code (8 digits, a few minutes);
/// typed on the tablet, it becomes the tablet's own token (kept in its cookie), and only a tablet holding the current
/// token of a window may rate that window's tickets. Pairing a new tablet retires the window's older one. Only hashes
/// of the code and the token are stored.
/// </summary>
internal sealed class RatingTablet
{
    public const int CodeDigits = 8;

    private RatingTablet() { }

    public Guid Id { get; private set; }
    public Guid HallId { get; private set; }
    public string Window { get; private set; } = "";
    public string? CodeHash { get; private set; }
    public DateTimeOffset CodeExpiresAt { get; private set; }
    public string? TokenHash { get; private set; }
    public string OfferedBy { get; private set; } = "";
    public DateTimeOffset OfferedAt { get; private set; }
    public DateTimeOffset? PairedAt { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }

    public bool IsActive => TokenHash is not null && RetiredAt is null;

    /// <summary>A pairing offer for the window and its code (shown once to the clerk).</summary>
    public static (RatingTablet Tablet, string Code) Offer(Guid hallId, string window, string clerk, DateTimeOffset at, TimeSpan lifetime)
    {
        var code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        return (new RatingTablet
        {
            Id = Guid.CreateVersion7(), HallId = hallId, Window = window, CodeHash = Hash(code), CodeExpiresAt = at + lifetime,
            OfferedBy = clerk, OfferedAt = at,
        }, code);
    }

    /// <summary>Turns the offer into the tablet's token (answered once); an expired or used code is refused.</summary>
    public string Pair(DateTimeOffset at)
    {
        if (CodeHash is null || at > CodeExpiresAt) throw CodeInvalid();
        var token = SecretTokens.New();
        (CodeHash, TokenHash, PairedAt) = (null, Hash(token), at);
        return token;
    }

    public void Retire(DateTimeOffset at) => RetiredAt ??= at;

    public static string Hash(string secret) => SecretTokens.Hash(secret);

    public static DomainException CodeInvalid() => HallErrors.Invalid("tablet.code_invalid",
        "配对码不正确或已过期，请窗口工作人员重新生成", "The pairing code is wrong or has expired; ask the window's staff for a new one", "code");

    public static DomainException NotPaired(string window) => new(new DomainError("tablet.not_paired",
        $"此评价器尚未与{window}号窗口配对，请窗口工作人员配对后再评价", $"This tablet is not paired with window {window}; ask the window's staff to pair it", ErrorKind.Forbidden));
}
