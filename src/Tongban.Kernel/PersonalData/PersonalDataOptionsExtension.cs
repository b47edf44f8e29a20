using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Kernel.PersonalData;

/// <summary>
/// Carries an application's <see cref="PersonalDataProtector"/> into its contexts' options. Its converters are part of
/// the model, and EF Core caches a model per context type; the cache key of <see cref="PersonalDataModelCacheKeyFactory"/>
/// adds the protector, so two applications in one process (tests, the command beside the host) never share one.
/// </summary>
public sealed class PersonalDataOptionsExtension(PersonalDataProtector protector) : IDbContextOptionsExtension
{
    public PersonalDataProtector Protector => protector;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "PersonalData ";

        // One internal service provider for every protector: the model cache key tells the models apart.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}

internal sealed class PersonalDataModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context.GetService<IDbContextOptions>().FindExtension<PersonalDataOptionsExtension>()?.Protector, designTime);
}

public static class PersonalDataOptionsBuilder
{
    /// <summary>Seals the context's personal-data columns with <paramref name="protector"/> and fills their blind indexes on save.</summary>
    public static DbContextOptionsBuilder UsePersonalData(this DbContextOptionsBuilder options, PersonalDataProtector protector)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new PersonalDataOptionsExtension(protector));
        return options.ReplaceService<IModelCacheKeyFactory, PersonalDataModelCacheKeyFactory>().AddInterceptors(PersonalDataIndexer.Instance, PersonalDataQueryGuard.Instance);
    }
}
