namespace Tongban.Registries.Contracts;

/// <summary>
/// A read of a department's own system: the items of a sharing resource about one subject, for the purpose a live grant
/// names, on whose behalf. The subject key travels in the body of the call, never in an address.
/// </summary>
public sealed record DepartmentRead(string Resource, IReadOnlyList<string> Items, string Purpose, string SubjectKey, string OnBehalfOf);

/// <summary>
/// Departments' own systems (the housing fund's, the medical insurance's …), which hold data the base registries do not.
/// The exchange nodes module reaches them through the city's node; the registries keep the facts they stand in for
/// (<c>department_facts.csv</c>) and log every read in the same access log as a registry read.
/// </summary>
public interface IDepartmentSystems
{
    /// <summary>
    /// The items as the department's system gave them (each a value in words or digits, null when it has none), or null
    /// when it holds no record of the subject. Anything else that keeps an answer from coming — no node, no right, the
    /// system down or slow, a bad answer — is a <c>DomainException</c> saying why in both languages, without the system's
    /// own error text.
    /// </summary>
    Task<IReadOnlyDictionary<string, string?>?> ReadAsync(DepartmentRead read, CancellationToken cancellationToken);
}
