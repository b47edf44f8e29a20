using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Kernel.Data;

/// <summary>
/// A module context kept, with its connection open, for a hot path that holds its prepared statements instead of
/// opening a connection and parsing its SQL on every use (the registries' access log and look-ups, refresh grants'
/// redemptions). The context comes from its own scope, so the pool's interceptors (SQLite's settings) run when the
/// connection opens.
/// </summary>
public sealed class HeldConnection<TContext> : IAsyncDisposable where TContext : DbContext
{
    private readonly AsyncServiceScope _scope;

    internal HeldConnection(AsyncServiceScope scope, TContext db) => (_scope, Db) = (scope, db);

    public TContext Db { get; }

    public DbConnection Connection => Db.Database.GetDbConnection();

    /// <summary>
    /// A statement whose parameter <c>@pN</c> is typed as EF Core types the N-th property's column (a Guid stored as
    /// text on SQLite, for one); values are set before each run, through <see cref="DbCommands.ToProvider"/>.
    /// </summary>
    public DbCommand Command(string sql, IReadOnlyList<IProperty> typedAs)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < typedAs.Count; i++)
            command.Parameters.Add(typedAs[i].GetRelationalTypeMapping().CreateParameter(command, HeldConnection.Parameter(i), null, nullable: true));
        return command;
    }

    /// <summary>
    /// Runs <paramref name="statement"/> once per row of provider values, in <paramref name="transaction"/>: all in one
    /// round trip where the provider can send many statements at once (PostgreSQL's <see cref="DbBatch"/>), else the
    /// prepared statement again for each row (SQLite, in process). Returns the rows each run affected, in order.
    /// </summary>
    public async Task<int[]> RunAsync(DbCommand statement, DbTransaction transaction, IReadOnlyList<object?[]> rows)
    {
        if (rows.Count == 0) return [];
        if (Connection.CanCreateBatch)
        {
            await using var batch = Connection.CreateBatch();
            batch.Transaction = transaction;
            var commands = rows.Select(row => Add(batch, statement, row)).ToArray();
            await batch.ExecuteNonQueryAsync();
            return [.. commands.Select(c => c.RecordsAffected)];
        }
        statement.Transaction = transaction;
        var affected = new int[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var i = 0; i < rows[r].Length; i++) statement.Parameters[i].Value = rows[r][i] ?? DBNull.Value;
            affected[r] = await statement.ExecuteNonQueryAsync();
        }
        return affected;
    }

    /// <summary>Adds <paramref name="statement"/>'s SQL to <paramref name="batch"/> with these provider values for its parameters, in order.</summary>
    private static DbBatchCommand Add(DbBatch batch, DbCommand statement, object?[] values)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = statement.CommandText;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = statement.Parameters[i].ParameterName;
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        batch.BatchCommands.Add(command);
        return command;
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}

/// <summary>What every held connection's statements share.</summary>
public static class HeldConnection
{
    /// <summary>A context of its own scope, its connection opened.</summary>
    public static async Task<HeldConnection<TContext>> OpenAsync<TContext>(IServiceScopeFactory scopes) where TContext : DbContext
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            await db.Database.OpenConnectionAsync();
            return new HeldConnection<TContext>(scope, db);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public static string Parameter(int ordinal) => $"@p{ordinal}";
}
