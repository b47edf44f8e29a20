using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;
using Tongban.Licenses.Contracts;
using Tongban.Kernel.Outbox;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.IssueLicenses;
using Tongban.Licenses.Signing;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.ChangeStatus;

/// <summary>What a renewal or change gives: the fields that change (the others are kept), a new end date where the type takes one, the holder's new name.</summary>
internal sealed record RenewalInput(string? Kind, string? Reason, string? HolderName, DateOnly? ValidUntil, IReadOnlyDictionary<string, string?>? Fields);

/// <summary>
/// 延续 (renewal) and 变更 (change): a new version of the license (version 002, 003…) under the type's current
/// version, issued today with the same serial, holder and number, the old fields overlaid by the changed ones; the
/// old version becomes replaced (99). One replacement per version: a second one is refused.
/// </summary>
internal sealed class RenewLicense(LicensesDbContext db, SealKeys keys, LicenseSealer sealer, IOrganizationDirectory organization, RegionClock clock, TimeProvider time)
{
    public static readonly IReadOnlyList<string> Kinds = ["renewal", "change"];

    public async Task<License> RenewAsync(string identifier, RenewalInput input, LicenseOfficer officer, CancellationToken ct)
    {
        var kind = input.Kind?.Trim().ToLowerInvariant() ?? "";
        if (!Kinds.Contains(kind))
            throw new DomainException(new DomainError("license.renewal_kind", "请选择延续或变更", "Choose renewal or change", ErrorKind.Invalid, "kind"));
        var old = await ChangeLicenseStatus.FindAsync(db, identifier, ct);
        old.RequireIssuer(officer);
        var (type, version) = await IssueLicense.PublishedTypeAsync(db, old.TypeCode, ct);
        var (face, _) = LicenseDocument.Read(old.SignedJson);
        var fields = face.Fields.ToDictionary(f => f.Key, f => (string?)f.Value, StringComparer.Ordinal);
        foreach (var (field, value) in input.Fields ?? new Dictionary<string, string?>()) fields[field] = value;
        fields = fields.Where(f => version.Definition.Fields.Fields.Any(d => d.Key == f.Key) || (input.Fields?.ContainsKey(f.Key) ?? false))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal); // a field the type dropped is not carried over
        var candidate = new LicenseInput(old.HolderCode, input.HolderName ?? old.HolderName, old.Number, clock.Today, input.ValidUntil, fields);
        var (checkedInput, errors) = LicenseInputRules.Check(version.Definition, candidate, clock.Today);
        if (errors.Count > 0) throw new DomainException(errors);
        if (old.Version >= 999)
            throw new DomainException(new DomainError("license.versions_exhausted", "该证照已达999个版本，请重新颁发", "This license has reached version 999; issue a new one", ErrorKind.Conflict));

        var issuer = await organization.FindDepartmentByCreditCodeAsync(old.IssuerCode, ct);
        var key = await keys.CurrentAsync(old.IssuerCode, KeyPurpose.Seal, ct);
        var place = await db.ReserveAsync(Sequences.StatusPlace(old.IssuerCode), 1, ct);
        var at = time.GetUtcNow();
        var context = new SealingContext(type.Code, version.Number, version.Definition.Name, old.IssuerCode, issuer?.Name ?? face.IssuerName, key);
        var next = sealer.Seal(context, checkedInput!, 0, Sequences.StatusIndex(place), LicenseSource.Renewal, $"renewal:{old.Id.Value}", officer, at,
            old.Version + 1, old.Serial, old);
        old.ReplaceWith(next, input.Reason ?? "", officer, at);
        db.Licenses.Add(next);
        IssueLicense.Announce(db, next, version.Definition.Name, LicenseSource.Renewal);
        ChangeLicenseStatus.Announce(db, old, old.History[^1]);
        db.Publish(LicenseReplaced.MessageType, new LicenseReplaced(old.Id.Value, old.Identifier, next.Id.Value, next.Identifier, kind, old.History[^1].Reason, at), at);
        await ChangeLicenseStatus.SaveAsync(db, ct);
        await Credentials.StatusLists.InvalidateAsync(db, old.IssuerCode, ct); // the old version's bit: replaced is final
        return next;
    }
}
