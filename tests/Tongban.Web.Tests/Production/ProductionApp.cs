using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Tongban.Web.Tests.Production;

/// <summary>
/// The real host as it ships: environment Production, the shipped appsettings.json, nothing else but the test's
/// database (and what a test adds). Spoken to over https, as production is.
/// </summary>
internal sealed class ProductionApp(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in database.Settings) builder.UseSetting(key, value);
        // What the installation does once (tongban keys rotate-personal-data makes the personal-data key file).
        builder.UseSetting("PersonalData:CreateKeyFile", "true");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
    }

    /// <summary>A browser-like client: cookies kept, redirects shown, https.</summary>
    public HttpClient Browser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
}
