using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jose;

namespace Tongban.Licenses.Tests;

/// <summary>The license as a vc+jwt, checked the way an offline verifier would: with jose-jwt (the product signs with .NET), the JWK set the kid names, and the status lists.</summary>
public sealed class CredentialTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task A_downloaded_credential_verifies_with_the_published_key_and_revoking_the_license_sets_its_revocation_bit(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (idNumber, _, holder) = await app.RegisterCitizenAsync("刘玉珍");
        var admin = await app.LicenseAdminAsync(Samples.Psb);
        var identifier = await admin.IssueResidencePermitAsync(idNumber, "刘玉珍");
        var anyone = app.CreateClient();

        using var download = await holder.GetAsync($"/my/licenses/{identifier}/credential");
        Assert.Equal("application/vc+jwt", download.Content.Headers.ContentType?.MediaType);
        var jwt = await download.Content.ReadAsStringAsync();
        var headers = JWT.Headers(jwt);
        Assert.Equal(("ES256", "vc+jwt"), ((string)headers["alg"], (string)headers["typ"]));
        var vc = await VerifiedAsync(anyone, jwt);
        Assert.Contains("VerifiableCredential", vc.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        var subject = vc.GetProperty("credentialSubject");
        Assert.Equal(("刘玉珍", identifier), (subject.GetProperty("name").GetString(), subject.GetProperty("license").GetProperty("identifier").GetString()));
        Assert.DoesNotContain(idNumber, Payload(jwt), StringComparison.Ordinal); // the ID number is masked
        var revocation = vc.GetProperty("credentialStatus").EnumerateArray().Single(e => e.GetProperty("statusPurpose").GetString() == "revocation");
        Assert.Equal("BitstringStatusListEntry", revocation.GetProperty("type").GetString());
        var index = int.Parse(revocation.GetProperty("statusListIndex").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var list = revocation.GetProperty("statusListCredential").GetString()!;

        Assert.False(await BitAsync(anyone, list, index));
        (await admin.ChangeAsync(identifier, "revoke", "以欺骗手段取得")).EnsureSuccessStatusCode();
        Assert.True(await BitAsync(anyone, list, index));
        Assert.False(await BitAsync(anyone, list.Replace("/revocation", "/suspension", StringComparison.Ordinal), index));
    }

    [Theory, DatabaseLanes]
    public async Task Suspending_sets_the_suspension_bit_restoring_clears_it_and_a_tampered_credential_fails(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (idNumber, _, holder) = await app.RegisterCitizenAsync("陈国庆");
        var admin = await app.LicenseAdminAsync(Samples.Psb);
        var identifier = await admin.IssueResidencePermitAsync(idNumber, "陈国庆");
        var anyone = app.CreateClient();
        var jwt = await holder.GetStringAsync($"/my/licenses/{identifier}/credential");
        var entry = (await VerifiedAsync(anyone, jwt)).GetProperty("credentialStatus").EnumerateArray().Single(e => e.GetProperty("statusPurpose").GetString() == "suspension");
        var (list, index) = (entry.GetProperty("statusListCredential").GetString()!, int.Parse(entry.GetProperty("statusListIndex").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        (await admin.ChangeAsync(identifier, "suspend", "暂扣核查")).EnsureSuccessStatusCode();
        Assert.True(await BitAsync(anyone, list, index));
        (await admin.ChangeAsync(identifier, "restore", "核查完毕")).EnsureSuccessStatusCode();
        Assert.False(await BitAsync(anyone, list, index));

        var parts = jwt.Split('.');
        var forgedJson = Payload(jwt).Replace("陈国庆", "陈国强", StringComparison.Ordinal);
        Assert.NotEqual(Payload(jwt), forgedJson);
        var forged = Base64Url.Encode(Encoding.UTF8.GetBytes(forgedJson));
        await Assert.ThrowsAsync<IntegrityException>(() => VerifiedAsync(anyone, $"{parts[0]}.{forged}.{parts[2]}"));
        // An issuer that is no authority has no list (the apps are shared by the assembly, so a real authority may have one by now).
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync(list.Replace(Samples.Psb, "91211200MA0NOSUCH1", StringComparison.Ordinal))).StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task Another_holders_credential_is_not_found(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (idNumber, _, _) = await app.RegisterCitizenAsync("周桂兰");
        var identifier = await (await app.LicenseAdminAsync(Samples.Psb)).IssueResidencePermitAsync(idNumber, "周桂兰");
        var (_, _, other) = await app.RegisterCitizenAsync("吴小明");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/my/licenses/{identifier}/credential")).StatusCode);
    }

    /// <summary>The JWS checked with the key its kid names in the issuer's JWK set; the payload as JSON.</summary>
    private static async Task<JsonElement> VerifiedAsync(HttpClient client, string jwt)
    {
        var kid = (string)JWT.Headers(jwt)["kid"];
        var set = JsonDocument.Parse(await client.GetStringAsync(new Uri(kid).GetLeftPart(UriPartial.Path))).RootElement;
        var jwk = set.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("kid").GetString() == kid);
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.Decode(jwk.GetProperty("x").GetString()), Y = Base64Url.Decode(jwk.GetProperty("y").GetString()) },
        });
        return JsonDocument.Parse(JWT.Decode(jwt, key, JwsAlgorithm.ES256)).RootElement.Clone();
    }

    /// <summary>The bit at <paramref name="index"/> of the verified status list credential at <paramref name="address"/>.</summary>
    private static async Task<bool> BitAsync(HttpClient client, string address, int index)
    {
        using var answer = await client.GetAsync(address);
        Assert.Equal("application/vc+jwt", answer.Content.Headers.ContentType?.MediaType);
        var list = await VerifiedAsync(client, await answer.Content.ReadAsStringAsync());
        Assert.Contains("BitstringStatusListCredential", list.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        var encoded = list.GetProperty("credentialSubject").GetProperty("encodedList").GetString()!;
        Assert.StartsWith("u", encoded, StringComparison.Ordinal);
        using var gzip = new GZipStream(new MemoryStream(Base64Url.Decode(encoded[1..])), CompressionMode.Decompress);
        using var bits = new MemoryStream();
        await gzip.CopyToAsync(bits);
        Assert.True(bits.Length * 8 >= 131_072, "the list is at least 131,072 bits long");
        return (bits.ToArray()[index / 8] & (0x80 >> (index % 8))) != 0;
    }

    private static string Payload(string jwt) => Encoding.UTF8.GetString(Base64Url.Decode(jwt.Split('.')[1]));
}
