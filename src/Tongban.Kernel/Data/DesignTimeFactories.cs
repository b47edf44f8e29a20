using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tongban.Kernel.Data;

/// <summary>
/// Builds a module's provider-specific context for <c>dotnet ef migrations add</c>; never used at run time.
/// The connection strings are placeholders: generating a migration does not connect.
/// </summary>
public static class DesignTime
{
    public static TContext Sqlite<TContext>(string prefix, Func<DbContextOptions<TContext>, TContext> create) where TContext : DbContext =>
        create(new DbContextOptionsBuilder<TContext>()
            .UseSqlite("Data Source=design.db", x => x.MigrationsHistoryTable($"__{prefix}_migrations"))
            .UseSnakeCaseNamingConvention().Options);

    public static TContext Postgres<TContext>(string prefix, Func<DbContextOptions<TContext>, TContext> create) where TContext : DbContext =>
        create(new DbContextOptionsBuilder<TContext>()
            .UseNpgsql("Host=localhost;Database=design", x => x.MigrationsHistoryTable($"__{prefix}_migrations"))
            .UseSnakeCaseNamingConvention().Options);
}

internal sealed class KernelSqliteDesignFactory : IDesignTimeDbContextFactory<KernelSqliteContext>
{
    public KernelSqliteContext CreateDbContext(string[] args) => DesignTime.Sqlite<KernelSqliteContext>(KernelDbContext.Prefix, o => new KernelSqliteContext(o));
}

internal sealed class KernelPostgresDesignFactory : IDesignTimeDbContextFactory<KernelPostgresContext>
{
    public KernelPostgresContext CreateDbContext(string[] args) => DesignTime.Postgres<KernelPostgresContext>(KernelDbContext.Prefix, o => new KernelPostgresContext(o));
}
