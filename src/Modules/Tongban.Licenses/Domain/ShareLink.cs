using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Licenses.Domain;

/// <summary>
/// A link the holder gives someone to see a license until a time (亮证): the token travels only in the link; the
/// table keeps its SHA-256. Revocable by the holder; expired or revoked, it shows nothing.
/// </summary>
internal sealed class ShareLink
{
    private ShareLink() { }

    public Guid Id { get; private set; }
    public LicenseId LicenseId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public int Views { get; private set; }

    /// <summary>A new link and its token (shown once, in the link).</summary>
    public static (ShareLink Link, string Token) Create(LicenseId license, Guid holderAccount, DateTimeOffset expiresAt, TimeSpan maxLife, DateTimeOffset at)
    {
        if (expiresAt <= at || expiresAt - at > maxLife)
            throw new DomainException(new DomainError("share.expiry", $"有效期应在现在之后、{maxLife.TotalDays:0}天以内", $"The link expires after now and within {maxLife.TotalDays:0} days", Field: "expires_at"));
        var token = SecretTokens.New(24);
        return (new ShareLink { Id = Guid.CreateVersion7(at), LicenseId = license, TokenHash = Hash(token), CreatedBy = holderAccount, CreatedAt = at, ExpiresAt = expiresAt }, token);
    }

    public static string Hash(string token) => SecretTokens.Hash(token);

    public bool IsOpen(DateTimeOffset at) => RevokedAt is null && at < ExpiresAt;

    public void Viewed() => Views++;

    public void Revoke(Guid holderAccount, DateTimeOffset at)
    {
        if (holderAccount != CreatedBy) throw new DomainException(DomainError.NotFound("该分享链接", "The share link"));
        if (RevokedAt is not null) throw new DomainException(new DomainError("share.revoked", "该链接已撤销", "The link is revoked already", ErrorKind.Conflict));
        RevokedAt = at;
    }
}
