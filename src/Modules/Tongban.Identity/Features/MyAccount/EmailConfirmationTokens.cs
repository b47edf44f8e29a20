using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Tongban.Identity.Data;

namespace Tongban.Identity.Features.MyAccount;

/// <summary>
/// Identity's token provider for e-mail confirmation (<c>TokenOptions.EmailConfirmationTokenProvider</c>): 32 random bytes,
/// sent only in the link. What is kept, in Identity's token table (<c>idn_account_tokens</c>, provider <see cref="Store"/>),
/// is their SHA-256 bound to the address and the expiry; a new link replaces the old one, a changed address makes it
/// useless, and <see cref="ConfirmEmail"/> deletes it when it is used, so a link works once.
/// </summary>
internal sealed class EmailConfirmationTokens(TimeProvider clock) : IUserTwoFactorTokenProvider<Account>
{
    public const string Name = "TongbanEmail";
    public const string Store = "[Tongban]";
    public const string Purpose = "EmailConfirmation";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Account> manager, Account user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<Account> manager, Account user)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var expires = clock.GetUtcNow().Add(Lifetime).UtcTicks.ToString(CultureInfo.InvariantCulture);
        await manager.SetAuthenticationTokenAsync(user, Store, purpose, $"{expires}:{Hash(token, user)}");
        return token;
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Account> manager, Account user)
    {
        var stored = await manager.GetAuthenticationTokenAsync(user, Store, purpose);
        if (stored?.Split(':') is not [var ticks, var hash] || !long.TryParse(ticks, CultureInfo.InvariantCulture, out var expires)) return false;
        return clock.GetUtcNow().UtcTicks <= expires && user.Email is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(Hash(token, user)));
    }

    private static string Hash(string token, Account user) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{token}\n{user.Email?.ToUpperInvariant()}")));
}
