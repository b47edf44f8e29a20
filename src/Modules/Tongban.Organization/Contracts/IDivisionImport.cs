namespace Tongban.Organization.Contracts;

/// <summary>Adds divisions from a CSV file (code,name,level,valid_from,valid_to): all rows or none.</summary>
public interface IDivisionImport
{
    /// <returns>The number of divisions added.</returns>
    /// <exception cref="Kernel.Errors.DomainException">Every bad line, with its line number and column.</exception>
    Task<int> ImportAsync(TextReader csv, string source, string actor, CancellationToken cancellationToken);
}
