using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Audit.Checkpoints;
using Tongban.Kernel.Backup;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Files;
using Tongban.Kernel.Keys;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.PersonalData;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Time;
using Tongban.Kernel.Web;

namespace Tongban.Kernel;

public static class KernelModule
{
    /// <summary>Clock, options, the kernel's tables, the outbox, the audit chain, the calendar, the file store, migrations and seeding.</summary>
    public static IServiceCollection AddKernel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.Configure<RegionOptions>(configuration.GetSection(RegionOptions.Section));
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.Configure<FilesOptions>(configuration.GetSection(FilesOptions.Section));
        services.Configure<Documents.DocumentOptions>(configuration.GetSection(Documents.DocumentOptions.Section));
        services.Configure<KeysOptions>(configuration.GetSection(KeysOptions.Section));
        services.AddSingleton<KeyFiles>();
        services.AddSingleton<SigningKeys>();
        services.Configure<PersonalDataOptions>(configuration.GetSection(PersonalDataOptions.Section));
        services.AddSingleton<PersonalDataKeyStore>();
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<RegionClock>();
        services.AddScoped<ActorDirectory>();

        services.AddModuleDatabase<KernelDbContext, KernelSqliteContext, KernelPostgresContext>(configuration, "kernel", KernelDbContext.Prefix);
        services.AddSingleton<DatabaseMigrator>();
        if (DatabaseOptions.From(configuration).Provider == DatabaseProvider.Sqlite)
        {
            services.AddSingleton<SqliteCheckpointer>();
            services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
        }
        services.AddSingleton<RegionSeeder>();
        services.AddSingleton<ChangeSignals>();
        services.AddChangeListener<IOutputCacheStore>(ChangeTopics.PublicPages, (pages, _, ct) => pages.EvictByTagAsync(CachePolicies.PublicTag, ct).AsTask());
        services.AddChangeListener<CalendarStore>(ChangeTopics.Calendar, (calendar, _) => calendar.Invalidate());
        if (DatabaseOptions.From(configuration).Provider == DatabaseProvider.Postgres) services.AddHostedService<ChangeSignalListener>();

        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxWorker>();
        services.AddScoped<IOutboxHandler, AuditChainAppender>();
        services.AddHashChain<KernelDbContext, AuditEntry, AuditHead>(AuditChain.Name);
        services.AddScoped<ChainVerifier>();
        services.AddCheckpoints(configuration);
        services.AddScoped<AuditTrail>();

        services.AddSingleton<IFileStore, LocalFileStore>();
        services.Configure<BackupOptions>(configuration.GetSection(BackupOptions.Section));
        services.AddSingleton<DatabaseCopy>();
        services.AddSingleton<MakeBackup>();
        services.AddSingleton<RestoreBackup>();

        services.AddSingleton<CalendarStore>();
        services.AddScoped<EditCalendar>();
        services.AddScoped<IRegionPackImporter, CalendarSeeder>();

        services.AddExceptionHandler<DomainErrorMapping>();
        // Modules evict cached public pages after a change; every host (the CLI too) needs the store.
        services.AddOutputCache();
        return services;
    }

    /// <summary>Signed checkpoints of every chain: the signer, its worker, the publish file and the timestamp service.</summary>
    private static void AddCheckpoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CheckpointOptions>(configuration.GetSection(CheckpointOptions.Section));
        services.AddSingleton<CheckpointFile>();
        services.AddHttpClient(TimestampAuthority.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<TimestampAuthority>();
        services.AddSingleton<CheckpointSigner>();
        services.AddHostedService<CheckpointWorker>();
    }
}
