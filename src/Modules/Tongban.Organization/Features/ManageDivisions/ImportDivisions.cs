using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Import;
using Tongban.Kernel.Outbox;
using Tongban.Organization.Contracts;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageDivisions;

/// <summary>
/// Adds the divisions of a CSV file (code,name,level,valid_from,valid_to). The whole file is checked first:
/// a bad code, a level that does not fit the code, a duplicate (in the file or already stored) or a missing
/// parent is reported with its line and column, and then nothing of the file is applied.
/// </summary>
internal sealed class ImportDivisions(OrganizationDbContext db, TimeProvider clock) : IDivisionImport
{
    public static readonly string[] Columns = ["code", "name", "level", "valid_from", "valid_to"];

    public Task<int> ImportAsync(TextReader csv, string source, string actor, CancellationToken cancellationToken) =>
        RunAsync(csv, source, actor, cancellationToken);

    public async Task<int> RunAsync(TextReader csv, string source, string actor, CancellationToken ct)
    {
        var divisions = await ParseAsync(csv, source, ct);
        db.Divisions.AddRange(divisions);
        db.Audit(new AuditRecord(actor, "organization.divisions_imported", $"divisions:{source}", $"{divisions.Count} divisions", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return divisions.Count;
    }

    public async Task<List<Division>> ParseAsync(TextReader csv, string source, CancellationToken ct)
    {
        var rows = CsvTable.Read(csv, source, Columns);
        var stored = (await db.Divisions.Select(d => d.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var inFile = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
            if (DivisionCode.TryParse(row["code"], out var code, out _)) inFile.TryAdd(code.Value.Value, row.Line);

        var errors = new List<DomainError>();
        var divisions = new List<Division>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var rowErrors = new List<DomainError>();
            var level = ParseLevel(row, rowErrors);
            var from = CsvTable.Date(row, "valid_from", rowErrors) ?? new DateOnly(1980, 1, 1);
            var to = CsvTable.Date(row, "valid_to", rowErrors);
            if (DivisionCode.TryParse(row["code"], out var code, out _))
            {
                if (stored.Contains(code.Value.Value))
                    rowErrors.Add(row.Error("code", Duplicate(code.Value.Value, "已存在于系统中", "is already stored")));
                else if (!seen.Add(code.Value.Value))
                    rowErrors.Add(row.Error("code", Duplicate(code.Value.Value, $"与第{inFile[code.Value.Value]}行重复", $"repeats line {inFile[code.Value.Value]}")));
            }
            if (rowErrors.Count == 0)
            {
                try
                {
                    divisions.Add(Division.Create(row["code"], row["name"], level, from, to, p => stored.Contains(p) || inFile.ContainsKey(p)));
                }
                catch (DomainException ex)
                {
                    rowErrors.AddRange(ex.Errors.Select(e => row.Error(e.Field ?? "code", e)));
                }
            }
            errors.AddRange(rowErrors);
        }
        if (errors.Count > 0) throw new DomainException(errors);
        return divisions;
    }

    private static DomainError Duplicate(string code, string zh, string en) =>
        new("division.duplicate", $"区划代码{code}{zh}", $"Division code {code} {en}", ErrorKind.Conflict);

    private static DivisionLevel? ParseLevel(CsvRow row, List<DomainError> errors)
    {
        var text = row["level"];
        if (text.Length == 0) return null;
        if (Enum.TryParse<DivisionLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level) && !char.IsDigit(text[0])) return level;
        errors.Add(row.Error("level", new DomainError("division.level", "级别应为province、city、county、township或village",
            "The level is one of province, city, county, township, village")));
        return null;
    }
}
