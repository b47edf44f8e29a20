using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Kernel.PersonalData;

namespace Tongban.Kernel.Data;

/// <summary>A module's DbContext as the host knows it: migrated at start, checked by readiness, drained by the outbox.</summary>
public sealed record ModuleDatabase(string Module, string TablePrefix, Type ContextType);

public static class ModuleDatabaseRegistration
{
    /// <summary>
    /// Registers a module's DbContext on the configured provider. Each provider has its own migration set,
    /// kept on a subclass of the module context (<typeparamref name="TSqlite"/>, <typeparamref name="TPostgres"/>),
    /// while handlers depend on <typeparamref name="TContext"/> only. See docs/adr/0003. Contexts are pooled: they
    /// hold no state of their own, and a request's context then costs a reset instead of a construction.
    /// </summary>
    public static IServiceCollection AddModuleDatabase<TContext, TSqlite, TPostgres>(
        this IServiceCollection services, IConfiguration configuration, string module, string tablePrefix)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var options = DatabaseOptions.From(configuration);
        var history = $"__{tablePrefix}_migrations";
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextPool<TContext, TPostgres>((sp, o) => o
                .UseNpgsql(ConnectionStrings.Postgres(sp), x => x.MigrationsHistoryTable(history))
                .UsePersonalData(sp.GetRequiredService<PersonalDataProtector>())
                .UseSnakeCaseNamingConvention());
        }
        else
        {
            services.AddDbContextPool<TContext, TSqlite>((sp, o) => o
                .UseSqlite(ConnectionStrings.Sqlite(sp), x => x.MigrationsHistoryTable(history))
                .AddInterceptors(new SqliteConnectionSettings(options.SqliteAutoCheckpointPages))
                .UsePersonalData(sp.GetRequiredService<PersonalDataProtector>())
                .UseSnakeCaseNamingConvention());
        }
        services.AddSingleton(new ModuleDatabase(module, tablePrefix, typeof(TContext)));
        return services;
    }
}

public static class ConnectionStrings
{
    public static string Sqlite(IServiceProvider services)
    {
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(database.ConnectionString)) return database.ConnectionString;
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return SqliteFile(storage.DataDirectory);
    }

    public static string SqliteFile(string dataDirectory)
    {
        var directory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(directory);
        // A generous busy timeout: SQLite has one writer at a time, and several contexts share the file.
        return $"Data Source={Path.Combine(directory, "tongban.db")};Default Timeout=30;Pooling=True";
    }

    public static string Postgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString
        ?? throw new InvalidOperationException("Database:Provider is Postgres but Database:ConnectionString is empty.");
}
