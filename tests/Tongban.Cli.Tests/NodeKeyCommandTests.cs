using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Keys;
using Tongban.Nodes.Contracts;

namespace Tongban.Cli.Tests;

/// <summary>A node's key rotated on the node and published at the centre, by command; the TLS certificate's expiry registered from the certificate.</summary>
public sealed class NodeKeyCommandTests
{
    private const string Member = "12211200031892486P";

    [Theory]
    [DatabaseLanes]
    public async Task A_key_rotated_on_the_node_and_updated_at_the_centre_is_the_one_the_configuration_publishes(DatabaseLane lane)
    {
        await using var node = await TestDatabase.CreateAsync(lane);
        await using var centre = await TestDatabase.CreateWithDemoRegionAsync(lane);
        var files = Directory.CreateTempSubdirectory("tongban-node-cli-").FullName;
        var (first, second, certificate) = (Path.Combine(files, "first.pem"), Path.Combine(files, "second.pem"), Path.Combine(files, "tls.pem"));
        var notAfter = DateTimeOffset.UtcNow.AddDays(20);
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        using (var tls = new CertificateRequest("CN=fund-1", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), notAfter))
            await File.WriteAllTextAsync(certificate, tls.ExportCertificatePem());
        var asNode = new Dictionary<string, string?> { [NodeRole.Key] = "node", ["Nodes:Member"] = Member, ["Nodes:Code"] = "fund-1" };

        Assert.Equal(0, (await Cli.RunAsync(node, asNode, "node", "keys", "--out", first)).ExitCode);
        var added = await Cli.RunAsync(centre, "node", "add", "--member", Member, "--code", "fund-1", "--address", "http://127.0.0.1:7001",
            "--public-key", first, "--tls-certificate", certificate);
        var rotated = await Cli.RunAsync(node, asNode, "node", "rotate-key", "--out", second);
        var updated = await Cli.RunAsync(centre, "node", "update-key", $"{Member}/fund-1", "--public-key", second);
        var again = await Cli.RunAsync(centre, "node", "update-key", $"{Member}/fund-1", "--public-key", second);

        Assert.True(added.ExitCode == 0, added.Output);
        Assert.True(rotated.ExitCode == 0, rotated.Output);
        Assert.True(updated.ExitCode == 0, updated.Output);
        Assert.Contains("rotate-key", again.Output, StringComparison.Ordinal); // the same key twice: told to rotate on the node first
        var (old, renewed) = (PublicSigningKey.FromPem(await File.ReadAllTextAsync(first)), PublicSigningKey.FromPem(await File.ReadAllTextAsync(second)));
        Assert.NotEqual(old.KeyId, renewed.KeyId);
        Assert.Single(Directory.GetFiles(Path.Combine(node.DataDirectory, "keys"), "node-signing.retired-*.pub")); // the old key kept to verify old entries
        await using var app = new TongbanApp(centre);
        await using var scope = app.Services.CreateAsyncScope();
        var configuration = SignedDocument.Verify<NodeConfiguration>(await scope.ServiceProvider.GetRequiredService<INodeDirectory>().PublishAsync(CancellationToken.None),
            [scope.ServiceProvider.GetRequiredService<INodeDirectory>().Anchor()])!;
        Assert.Equal(renewed.Pem, configuration.Node($"{Member}/fund-1")!.PublicKeyPem);
        var row = Assert.Single(await RawSql.RowsAsync(centre, $"SELECT tls_expires_at FROM nd_nodes WHERE id = '{Member}/fund-1'"));
        Assert.NotNull(row[0]);
        Directory.Delete(files, recursive: true);
    }
}
