using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Node;

namespace Tongban.Nodes.Tests;

/// <summary>
/// TLS fingerprint pinning in the node-to-node client (ADR 0014): a server certificate is accepted only when its SHA-256
/// fingerprint is the one the signed configuration lists for the node at that address; plain http only on loopback with
/// <c>Nodes:AllowPlainHttpOnLoopback</c>. Checked against real Kestrel servers with self-signed certificates on loopback.
/// </summary>
public sealed class TlsPinningTests : IDisposable
{
    private readonly NodeTestKeys _keys = new();

    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private static string Fingerprint(X509Certificate2 certificate) => Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA256));

    /// <summary>A small https server on a loopback port of its own, presenting <paramref name="certificate"/>.</summary>
    private static async Task<(WebApplication Server, Uri Address)> ServeAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var server = builder.Build();
        server.MapGet("/", () => "node");
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (server, new Uri(address));
    }

    private static NodeConfiguration Configuration(params (string Address, string Fingerprint)[] nodes)
    {
        var now = DateTimeOffset.UtcNow;
        return new(NodeConfiguration.FormatName, now.ToUnixTimeMilliseconds(), now, now.AddHours(1),
            [.. nodes.Select((n, i) => new NodeEntry($"12211200031892486P/tls-{i}", "12211200031892486P", $"tls-{i}", n.Address, "", n.Fingerprint))], [], []);
    }

    [Fact]
    public void Only_the_certificate_pinned_for_the_node_at_that_address_is_accepted()
    {
        using var certificate = SelfSigned("node-a");
        using var other = SelfSigned("node-b");
        var pinned = Configuration(("https://node-a.example:8443", Fingerprint(certificate)), ("https://node-b.example:8443/", Fingerprint(other).ToUpperInvariant()));

        Assert.True(NodeTransport.Accepts(new Uri("https://node-a.example:8443/node/messages"), certificate, pinned));
        Assert.True(NodeTransport.Accepts(new Uri("https://NODE-B.example:8443/node/pushes"), other, pinned)); // host and hex in any case
        Assert.False(NodeTransport.Accepts(new Uri("https://node-a.example:8443/node/messages"), other, pinned)); // another node's certificate
        Assert.False(NodeTransport.Accepts(new Uri("https://node-a.example:9443/node/messages"), certificate, pinned)); // another port: no node there
        Assert.False(NodeTransport.Accepts(new Uri("https://unknown.example/node/messages"), certificate, pinned));
        Assert.False(NodeTransport.Accepts(new Uri("https://node-a.example:8443/"), null, pinned));
        Assert.False(NodeTransport.Accepts(new Uri("https://node-a.example:8443/"), certificate, null)); // no configuration, no trust
        Assert.False(NodeTransport.Accepts(new Uri("https://node-a.example:8443/"), certificate, Configuration(("https://node-a.example:8443", "not-a-fingerprint"))));
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_node_to_node_client_talks_only_to_a_server_presenting_the_pinned_certificate_and_plain_http_only_where_allowed(DatabaseLane lane)
    {
        Lanes.Require(lane);
        using var certificate = SelfSigned("127.0.0.1");
        var (good, goodAddress) = await ServeAsync(certificate);
        var (impostor, impostorAddress) = await ServeAsync(certificate);
        await using var _ = good;
        await using var __ = impostor;
        var node = new TongbanApp(await TestDatabase.CreateAsync(lane), new Dictionary<string, string?>
        {
            [NodeRole.Key] = "node", ["Region:SeedDemoWhenEmpty"] = "false", ["Nodes:Member"] = "12211200031892486P", ["Nodes:Code"] = "tls-client",
            ["Nodes:AnchorFile"] = _keys.PublicKeyFile(_keys.Key("tls-centre")),
        });
        try
        {
            var configuration = Configuration((goodAddress.ToString(), Fingerprint(certificate)), (impostorAddress.ToString(), new string('0', 64)));
            await node.Services.GetRequiredService<ConfigurationStore>().AcceptAsync(SignedDocument.Sign(configuration, _keys.Key("tls-centre")).ToJsonString(), CancellationToken.None);
            var client = node.Services.GetRequiredService<IHttpClientFactory>().CreateClient(CallService.HttpClientName);

            Assert.Equal("node", await client.GetStringAsync(goodAddress)); // self-signed, no CA: the pin is what counts
            var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetStringAsync(impostorAddress)); // the same server software, not the pinned certificate
            Assert.True(NodeTransport.IsTlsRefusal(refused));
            var plain = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetStringAsync(new Uri($"http://127.0.0.1:{goodAddress.Port}/")));
            Assert.True(NodeTransport.IsTlsRefusal(plain)); // plain http on loopback without Nodes:AllowPlainHttpOnLoopback
            Assert.True(NodeTransport.IsTlsRefusal(await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetStringAsync(new Uri("http://node.example/")))));
        }
        finally
        {
            await node.DisposeAsync();
            await node.Database.DisposeAsync();
        }
    }

    public void Dispose() => _keys.Dispose();
}
