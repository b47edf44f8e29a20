using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Licenses.Contracts;

namespace Tongban.Licenses.Tests;

/// <summary>The interoperability contract: what `tongban licenses export` writes, OpenSSL 3 verifies; a changed byte fails everywhere.</summary>
public sealed class SealInteropTests(LaneApps lanes)
{
    private static readonly string[] Sm2Verify =
        ["pkeyutl", "-verify", "-pubin", "-inkey", "issuer.pem", "-rawin", "-in", "license.json", "-sigfile", "license.sig", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678"];

    [Theory, DatabaseLanes]
    public async Task An_exported_license_verifies_with_openssl_and_a_tampered_one_does_not(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var identifier = await (await app.LicenseAdminAsync(Samples.Samr)).IssueFoodLicenceAsync();
        var dir = Directory.CreateTempSubdirectory("tongban-export-").FullName;

        var listed = await Processes.TongbanAsync(app, "licenses", "list", "--type", Samples.FoodLicence, "--holder", "91211221TB000001X2");
        Assert.True(listed.ExitCode == 0, listed.Error + listed.Output);
        Assert.Contains(identifier, listed.Output.Split('\n', StringSplitOptions.TrimEntries));
        var exported = await Processes.TongbanAsync(app, "licenses", "export", identifier, "--out", dir);
        Assert.True(exported.ExitCode == 0, exported.Error + exported.Output);

        var json = await File.ReadAllTextAsync(Path.Combine(dir, "license.json"), Encoding.UTF8);
        Assert.Contains($"\"identifier\":\"{identifier}\"", json, StringComparison.Ordinal);
        Assert.Contains("\"algorithm\":\"SM2-SM3\"", json, StringComparison.Ordinal);
        var verified = await Processes.OpenSslAsync(dir, Sm2Verify);
        Assert.True(verified.ExitCode == 0 && verified.Output.Contains("Signature Verified Successfully", StringComparison.Ordinal), verified.Error + verified.Output);

        await File.WriteAllTextAsync(Path.Combine(dir, "license.json"), json.Replace("预包装食品销售", "散装白酒销售", StringComparison.Ordinal), new UTF8Encoding(false));
        var tampered = await Processes.OpenSslAsync(dir, Sm2Verify);
        Assert.NotEqual(0, tampered.ExitCode);
        Assert.Contains("Signature Verification Failure", tampered.Output + tampered.Error, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }

    [Theory, DatabaseLanes]
    public async Task After_a_key_rotation_new_licenses_carry_the_new_key_and_old_ones_still_verify(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var before = await admin.IssueFoodLicenceAsync();
        var rotated = await Processes.TongbanAsync(app, "licenses", "rotate-key", Samples.Samr);
        Assert.True(rotated.ExitCode == 0, rotated.Error + rotated.Output);
        var after = await admin.IssueFoodLicenceAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var library = scope.ServiceProvider.GetRequiredService<ILicenseLibrary>();
        var (old, fresh) = (await library.ExportAsync(before, "test", default), await library.ExportAsync(after, "test", default));
        Assert.NotEqual(KeyIdOf(old), KeyIdOf(fresh));
        Assert.NotEqual(old.IssuerPublicKeyPem, fresh.IssuerPublicKeyPem);
        foreach (var identifier in new[] { before, after })
            Assert.True((await (await admin.GetAsync($"/api/licenses/admin/licenses/{identifier}")).JsonAsync()).GetProperty("signatureValid").GetBoolean());
    }

    [Theory, DatabaseLanes]
    public async Task Rotating_the_key_of_an_unregistered_authority_is_refused_with_a_message(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var refused = await Processes.TongbanAsync(app, "licenses", "rotate-key", "91110000600037341L");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("未在本平台登记", refused.Output + refused.Error, StringComparison.Ordinal);
        var malformed = await Processes.TongbanAsync(app, "licenses", "export", "1.2.156.3005.2.X.Y.Z.001.Q", "--out", Path.GetTempPath());
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("校验位", malformed.Output + malformed.Error, StringComparison.Ordinal);
    }

    private static string KeyIdOf(LicenseExport export) =>
        System.Text.Json.JsonDocument.Parse(export.LicenseJson).RootElement.GetProperty("seal").GetProperty("keyId").GetString()!;
}
