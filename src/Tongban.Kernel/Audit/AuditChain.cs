namespace Tongban.Kernel.Audit;

/// <summary>The audit log's chain: its name among the chains, and how it is stored (<see cref="AuditEntry"/>, <see cref="AuditHead"/>).</summary>
public static class AuditChain
{
    public const string Name = "audit";
}
