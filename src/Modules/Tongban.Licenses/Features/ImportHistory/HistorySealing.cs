using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.IssueLicenses;
using Tongban.Licenses.Signing;

namespace Tongban.Licenses.Features.ImportHistory;

/// <summary>
/// Seals a batch of checked historical records as licenses of their issuing authorities: serials and status places
/// reserved per type and issuer in one statement each, the signatures made on every core, the licenses and their
/// push-upward events added to the context (the caller commits them with its checkpoint or correction).
/// </summary>
internal sealed class HistorySealing(LicensesDbContext db, SealKeys keys, LicenseSealer sealer, TimeProvider time)
{
    /// <summary>The issuers' current seal keys; made (and committed) before the batch's transaction opens, as making one commits.</summary>
    public async Task<Dictionary<string, SealKey>> KeysAsync(IEnumerable<HistoryCandidate> candidates, Dictionary<string, SealKey> known, CancellationToken ct)
    {
        foreach (var issuer in candidates.Select(c => c.Issuer.CreditCode).Distinct().Where(i => !known.ContainsKey(i)).ToList())
            known[issuer] = await keys.CurrentAsync(issuer, KeyPurpose.Seal, ct);
        return known;
    }

    public async Task<License[]> SealAsync(IReadOnlyList<HistoryCandidate> candidates, Func<HistoryCandidate, string> sourceKey, string actor,
        IReadOnlyDictionary<string, SealKey> sealKeys, CancellationToken ct)
    {
        var serials = new long[candidates.Count];
        var places = new int[candidates.Count];
        foreach (var group in candidates.Select((c, i) => (c, i)).GroupBy(x => (x.c.Type.Code, x.c.Issuer.CreditCode)))
        {
            var first = await db.ReserveAsync(Sequences.Serial(group.Key.Code, group.Key.CreditCode), group.Count(), ct);
            foreach (var (x, n) in group.Select((x, n) => (x, n))) serials[x.i] = first + n;
        }
        foreach (var group in candidates.Select((c, i) => (c, i)).GroupBy(x => x.c.Issuer.CreditCode))
        {
            var first = await db.ReserveAsync(Sequences.StatusPlace(group.Key), group.Count(), ct);
            foreach (var (x, n) in group.Select((x, n) => (x, n))) places[x.i] = Sequences.StatusIndex(first + n);
        }
        var at = time.GetUtcNow();
        var licenses = new License[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var c = candidates[i];
            var context = new SealingContext(c.Type.Code, c.Version.Number, c.Version.Definition.Name, c.Issuer.CreditCode, c.Issuer.Name, sealKeys[c.Issuer.CreditCode]);
            licenses[i] = sealer.Seal(context, c.Input, serials[i], places[i], LicenseSource.Import, sourceKey(c), new LicenseOfficer(actor, c.Issuer.CreditCode), at);
        });
        db.Licenses.AddRange(licenses);
        foreach (var (license, c) in licenses.Zip(candidates)) IssueLicense.Publish(db, license, c.Version.Definition.Name, LicenseSource.Import);
        return licenses;
    }
}
