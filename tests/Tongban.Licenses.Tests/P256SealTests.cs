using Microsoft.Extensions.DependencyInjection;
using Tongban.Licenses.Contracts;

namespace Tongban.Licenses.Tests;

/// <summary>The lanes' apps with seals configured to ECDSA P-256 (<c>Licenses:SealAlgorithm = P-256</c>).</summary>
public sealed class P256Apps : LaneApps
{
    protected override void ConfigureServices(IServiceCollection services) => services.Configure<LicensesOptions>(o => o.SealAlgorithm = "P-256");

    protected override bool SeedsDifferently => true; // a seal key already in a prepared database would be SM2
}

public sealed class P256SealTests(P256Apps lanes) : IClassFixture<P256Apps>
{
    [Theory, DatabaseLanes]
    public async Task With_P256_configured_seals_are_ECDSA_and_verify_with_openssl_over_sha256(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var identifier = await (await app.LicenseAdminAsync(Samples.Samr)).IssueFoodLicenceAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var export = await scope.ServiceProvider.GetRequiredService<ILicenseLibrary>().ExportAsync(identifier, "test", default);
        Assert.Equal("ECDSA-P256-SHA256", export.Algorithm);

        var dir = Directory.CreateTempSubdirectory("tongban-p256-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(dir, "license.json"), export.LicenseJson);
        await File.WriteAllBytesAsync(Path.Combine(dir, "license.sig"), export.Signature);
        await File.WriteAllTextAsync(Path.Combine(dir, "issuer.pem"), export.IssuerPublicKeyPem + "\n");
        var verified = await Processes.OpenSslAsync(dir, "pkeyutl", "-verify", "-pubin", "-inkey", "issuer.pem", "-rawin", "-in", "license.json", "-sigfile", "license.sig", "-digest", "sha256");
        Assert.True(verified.ExitCode == 0, verified.Error + verified.Output);
        Directory.Delete(dir, recursive: true);
    }
}
