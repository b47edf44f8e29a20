using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Registries.Data;
using Tongban.Registries.Domain;

namespace Tongban.Registries.Features.LogAccess;

/// <summary>
/// Turns a subject's ID number or credit code into the key the access log stores: HMAC-SHA256 under a
/// secret of the installation. A plain hash of an ID number could be reversed by trying every plausible
/// number; without the secret it cannot. The secret is made on first use and kept in the database, so every
/// instance computes the same hash and "who read my data" finds the reads of any instance.
/// </summary>
internal sealed class SubjectHasher(IServiceScopeFactory scopes) : IDisposable
{
    private const string SecretName = "access-log-subject-key";
    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _key;

    public async ValueTask<string> HashAsync(string subjectKey, CancellationToken cancellationToken)
    {
        var key = _key ?? await LoadKeyAsync(cancellationToken);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Normalize(subjectKey))));
    }

    public void Dispose() => _loading.Dispose();

    /// <summary>ID numbers and credit codes are written upper case (a trailing x is an X).</summary>
    public static string Normalize(string subjectKey) => subjectKey.Trim().ToUpperInvariant();

    private async Task<byte[]> LoadKeyAsync(CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            if (_key is not null) return _key;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistriesDbContext>();
            var stored = await db.Secrets.AsNoTracking().Where(s => s.Name == SecretName).Select(s => s.Value).SingleOrDefaultAsync(ct);
            if (stored is null)
            {
                db.Secrets.Add(new RegistrySecret { Name = SecretName, Value = RandomNumberGenerator.GetBytes(32) });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Another instance made it first: use theirs.
                    db.ChangeTracker.Clear();
                }
                stored = await db.Secrets.AsNoTracking().Where(s => s.Name == SecretName).Select(s => s.Value).SingleAsync(ct);
            }
            return _key = stored;
        }
        finally
        {
            _loading.Release();
        }
    }
}
