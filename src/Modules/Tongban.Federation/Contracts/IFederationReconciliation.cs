namespace Tongban.Federation.Contracts;

/// <summary>The outcome of one kind's day: how many records the city holds, how many went again, and whether both sides agree at the end.</summary>
public sealed record ReconciledDay(string Kind, DateOnly Day, int Records, int Resent, bool Matched);

/// <summary>A city's reconciliation with its province, on demand (<c>tongban federation reconcile</c>).</summary>
public interface IFederationReconciliation
{
    /// <summary>Reconciles <paramref name="day"/>, or yesterday and today when null, for every kind pushed up. Only a city reconciles.</summary>
    Task<IReadOnlyList<ReconciledDay>> ReconcileAsync(DateOnly? day, CancellationToken cancellationToken);
}
