using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NSec.Cryptography;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;

namespace Tongban.Identity.Passwords;

/// <summary>Argon2id cost, in KiB of memory, passes and lanes. Defaults are OWASP's minimum (m = 19 MiB, t = 2, p = 1).</summary>
internal sealed record Argon2Cost(int MemoryKib, int Passes, int Lanes)
{
    public static readonly Argon2Cost Owasp = new(19 * 1024, 2, 1);

    public bool IsWeakerThan(Argon2Cost other) => MemoryKib < other.MemoryKib || Passes < other.Passes;
}

/// <summary>
/// Hashes passwords with Argon2id through libsodium (NSec), in the PHC string form that records the cost:
/// <c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>. A hash with a lower cost, or one made by Identity's default
/// PBKDF2 hasher, still verifies and answers <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>, so
/// UserManager stores a new hash at the next sign-in.
/// </summary>
internal sealed class Argon2idPasswordHasher(IOptions<IdentityModuleOptions> options) : IPasswordHasher<Account>
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Prefix = "$argon2id$v=19$";
    private static readonly PasswordHasher<Account> Legacy = new();

    private Argon2Cost Cost => options.Value.PasswordCost;

    public string HashPassword(Account user, string password) => Hash(password, Cost);

    public static string Hash(string password, Argon2Cost cost)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, cost);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}m={cost.MemoryKib},t={cost.Passes},p={cost.Lanes}${Convert.ToBase64String(salt).TrimEnd('=')}${Convert.ToBase64String(hash).TrimEnd('=')}");
    }

    public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
    {
        if (!hashedPassword.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var legacy = Legacy.VerifyHashedPassword(user, hashedPassword, providedPassword);
            return legacy == PasswordVerificationResult.Failed ? legacy : PasswordVerificationResult.SuccessRehashNeeded;
        }
        if (!TryParse(hashedPassword, out var cost, out var salt, out var expected)) return PasswordVerificationResult.Failed;
        var actual = Derive(providedPassword, salt, cost);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected)) return PasswordVerificationResult.Failed;
        return cost.IsWeakerThan(Cost) ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Success;
    }

    /// <summary>The cost a stored hash records; null for a hash that is not Argon2id.</summary>
    public static Argon2Cost? CostOf(string hashedPassword) =>
        TryParse(hashedPassword, out var cost, out _, out _) ? cost : null;

    private static byte[] Derive(string password, byte[] salt, Argon2Cost cost)
    {
        var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            MemorySize = cost.MemoryKib,
            NumberOfPasses = cost.Passes,
            DegreeOfParallelism = cost.Lanes,
        });
        return algorithm.DeriveBytes(password, salt, HashBytes);
    }

    private static bool TryParse(string value, out Argon2Cost cost, out byte[] salt, out byte[] hash)
    {
        cost = Argon2Cost.Owasp;
        salt = hash = [];
        if (!value.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var parts = value[Prefix.Length..].Split('$');
        if (parts.Length != 3) return false;
        var settings = parts[0].Split(',').Select(p => p.Split('=')).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1);
        if (!settings.TryGetValue("m", out var m) || !settings.TryGetValue("t", out var t) || !settings.TryGetValue("p", out var p) || m <= 0 || t <= 0 || p <= 0)
            return false;
        try
        {
            salt = Convert.FromBase64String(Pad(parts[1]));
            hash = Convert.FromBase64String(Pad(parts[2]));
        }
        catch (FormatException)
        {
            return false;
        }
        cost = new Argon2Cost(m, t, p);
        return salt.Length == SaltBytes && hash.Length == HashBytes;
    }

    private static string Pad(string base64) => base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
}
