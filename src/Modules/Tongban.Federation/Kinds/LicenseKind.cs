using System.Text.Json.Nodes;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;
using Tongban.Licenses.Contracts;

namespace Tongban.Federation.Kinds;

/// <summary>
/// An electronic license (电子证照) in the catalogue-record shape of GB/T 36903 (identifier, type, number, issuer, holder,
/// dates, status) with its operations, from the license library's events: issued (新发, or 延续 when it replaces another)
/// and each status change. A person's ID number and name go up masked; an enterprise's credit code is public and stays.
/// </summary>
internal sealed class LicenseKind(RegionClock clock) : UpwardKind
{
    public const string Kind = "license";

    public override string Code => Kind;

    public override Task<UpwardChange?> ReadAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.FromResult<UpwardChange?>(message.Type switch
    {
        LicenseIssued.MessageType => Issued(message.Read<LicenseIssued>()),
        LicenseStatusChanged.MessageType => StatusChanged(message.Read<LicenseStatusChanged>()),
        _ => null,
    });

    private UpwardChange Issued(LicenseIssued issued) => new(issued.Identifier, clock.DateAt(issued.OccurredAt), null, current =>
    {
        var record = Start(current, issued.Identifier);
        var person = issued.HolderCodeType == NationalCodes.PersonHolder;
        record["certificateTypeCode"] = issued.TypeCode;
        record["certificateName"] = issued.TypeName;
        record["certificateNumber"] = issued.Number;
        record["issuerCode"] = issued.IssuerCode;
        record["holderTypeCode"] = issued.HolderCodeType;
        record["holderCode"] = person ? ResidentIdNumber.Mask(issued.HolderCode) : issued.HolderCode;
        record["holderName"] = person ? CaseKind.MaskName(issued.HolderName) : issued.HolderName;
        record["issueDate"] = NationalCodes.Date(issued.IssuedOn);
        record["validUntil"] = issued.ValidUntil is { } until ? NationalCodes.Date(until) : "长期";
        if (issued.PreviousIdentifier is not null) record["previousIdentifier"] = issued.PreviousIdentifier;
        record["statusCode"] ??= "01";
        return AddOperation(record, issued.PreviousIdentifier is null ? "01" : "02", issued.OccurredAt);
    });

    private UpwardChange StatusChanged(LicenseStatusChanged changed) => new(changed.Identifier, clock.DateAt(changed.OccurredAt), null, current =>
    {
        var record = Start(current, changed.Identifier);
        record["statusCode"] = changed.ToStatus;
        return NationalCodes.LicenseOperation.TryGetValue((changed.FromStatus, changed.ToStatus), out var operation)
            || NationalCodes.LicenseOperation.TryGetValue(("*", changed.ToStatus), out operation)
            ? AddOperation(record, operation, changed.OccurredAt) : record;
    });

    private static JsonObject Start(JsonObject? current, string identifier)
    {
        var record = current is null ? new JsonObject() : (JsonObject)current.DeepClone();
        record["certificateIdentifier"] = identifier;
        return record;
    }

    /// <summary>Operations are merged by code and time and kept in order, so a repeated or late event lands in place.</summary>
    private JsonObject AddOperation(JsonObject record, string code, DateTimeOffset at)
    {
        var time = NationalCodes.Time(clock.Local(at));
        var operations = (record["operations"] as JsonArray ?? []).Select(o => (Code: o!["code"]!.GetValue<string>(), Time: o["time"]!.GetValue<string>()))
            .Append((Code: code, Time: time)).Distinct().OrderBy(o => o.Time, StringComparer.Ordinal).ThenBy(o => o.Code, StringComparer.Ordinal);
        record["operations"] = new JsonArray([.. operations.Select(o => (JsonNode)new JsonObject { ["code"] = o.Code, ["time"] = o.Time })]);
        return record;
    }
}
