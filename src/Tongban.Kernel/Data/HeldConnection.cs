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

    /// <summary>A statement on this connection whose parameters are <c>@p0</c>, <c>@p1</c>, … in order, values set before each run.</summary>
    public DbCommand Command(string sql, int parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++) command.AddParameter(HeldConnection.Parameter(i), null);
        return command;
    }

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
