using System.Text.Json.Nodes;
using Tongban.Kernel.Outbox;

namespace Tongban.Federation.Kinds;

/// <summary>
/// A kind of record the city pushes up (ADR 0017): its code and how an outbox event changes the record's national
/// shape; the events it listens to are named where it is registered (<see cref="FederationModule"/>). The channel (staging, pushing, receiving, reconciling) is the same for every
/// kind, so a new kind is one such class registered in <see cref="FederationModule"/>, and its test.
/// </summary>
internal abstract class UpwardKind
{
    public abstract string Code { get; }

    /// <summary>The record <paramref name="message"/> changes and how, or null when the event says nothing the province keeps.</summary>
    public abstract Task<UpwardChange?> ReadAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// A change to one record: its key, the day it counts under in reconciliation (taken when the record is first staged),
/// the item it belongs to (the province holds records of items it does not know), and the new payload made from the
/// current one (null for a new record). The same event merged twice must give the same payload.
/// </summary>
internal sealed record UpwardChange(string Key, DateOnly Day, string? ItemCode, Func<JsonObject?, JsonObject> Merge);
