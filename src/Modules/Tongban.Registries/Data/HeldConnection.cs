using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Registries.Data;

/// <summary>
/// A module context kept, with its connection open, for a hot path that holds its prepared statements instead of
/// opening a connection and parsing its SQL on every use: the access log's writer and the current-record look-ups. The
/// context comes from its own scope, so the pool's interceptors (SQLite's settings) run when the connection opens.
/// </summary>
internal sealed class HeldConnection : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private HeldConnection(AsyncServiceScope scope, RegistriesDbContext db) => (_scope, Db) = (scope, db);

    public RegistriesDbContext Db { get; }

    public DbConnection Connection => Db.Database.GetDbConnection();

    public static async Task<HeldConnection> OpenAsync(IServiceScopeFactory scopes)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<RegistriesDbContext>();
            await db.Database.OpenConnectionAsync();
            return new HeldConnection(scope, db);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>A statement on this connection whose parameters are <c>@p0</c>, <c>@p1</c>, … in order, values set before each run.</summary>
    public DbCommand Command(string sql, int parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++) command.AddParameter(Parameter(i), null);
        return command;
    }

    public static string Parameter(int ordinal) => $"@p{ordinal}";

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
