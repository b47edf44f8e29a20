namespace Tongban.Kernel.Audit;

/// <summary>
/// What happened, as a module reports it. <see cref="Subject"/> names whose data or which record,
/// already masked (an ID number as 110105********002X); <see cref="Details"/> never carries personal data.
/// </summary>
public sealed record AuditRecord(string Actor, string Action, string Subject, string? Details, DateTimeOffset OccurredAt)
{
    public const string MessageType = "kernel.audit";
}
