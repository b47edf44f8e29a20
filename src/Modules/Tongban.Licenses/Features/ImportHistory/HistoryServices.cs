using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Seeding;
using Tongban.Licenses.Contracts;
using Tongban.Licenses.Features.Statistics;

namespace Tongban.Licenses.Features.ImportHistory;

internal static class HistoryServices
{
    /// <summary>Historical import, its corrections, the generator, demo seeding and the statistics.</summary>
    public static IServiceCollection AddLicenseHistory(this IServiceCollection services)
    {
        services.AddScoped<ImportHistory>();
        services.AddScoped<HistorySealing>();
        services.AddScoped<HolderNames>();
        services.AddScoped<Corrections>();
        services.AddScoped<LicenseHistory>();
        services.AddScoped<ILicenseHistory>(s => s.GetRequiredService<LicenseHistory>());
        services.AddScoped<IRegionPackImporter, HistoryPackImporter>();
        services.AddScoped<QualityReport>();
        services.AddScoped<LicenseStatistics>();
        services.AddScoped<Contracts.ILicenseFigures, LicenseFigures>();
        return services;
    }
}
