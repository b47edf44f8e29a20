using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Data;
using Tongban.Kernel.Keys;

namespace Tongban.Kernel.Tests.Keys;

public sealed class SigningKeySchemeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tongban-keys-").FullName;

    private SigningKeys Keys() => new(new KeyFiles(Options.Create(new KeysOptions { Directory = _directory }), Options.Create(new StorageOptions())));

    [Theory]
    [InlineData(SignatureSchemes.Sm2)]
    [InlineData(SignatureSchemes.P256)]
    [InlineData(SignatureSchemes.Ed25519)]
    public void A_key_signs_and_its_published_public_key_verifies_only_the_signed_bytes(string algorithm)
    {
        var key = Keys().GetOrCreate("node-signing", algorithm);
        var data = Encoding.UTF8.GetBytes("tongban-node-message/1");
        var signature = key.Sign(data);

        var published = PublicSigningKey.FromPem(File.ReadAllText(Path.Combine(_directory, "node-signing.pub")));
        Assert.Equal((algorithm, key.Public.KeyId), (published.Algorithm, published.KeyId));
        Assert.True(published.Verify(data, signature));
        Assert.False(published.Verify(Encoding.UTF8.GetBytes("tongban-node-message/2"), signature));
    }

    [Theory]
    [InlineData(SignatureSchemes.Sm2)]
    [InlineData(SignatureSchemes.P256)]
    public async Task Signers_and_checkers_kept_for_reuse_answer_the_same_from_many_threads_and_after_a_bad_signature(string algorithm)
    {
        // The schemes keep initialised signers and parsed verifiers for reuse: a check that failed (a tampered message, a
        // signature that is not one) must leave nothing behind for the next, and two threads must never share one.
        var key = Keys().GetOrCreate("node-signing", algorithm);
        var published = PublicSigningKey.FromPem(File.ReadAllText(Path.Combine(_directory, "node-signing.pub")));
        Assert.False(published.Verify("不是签名"u8.ToArray(), "not a signature"u8.ToArray()));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() => Enumerable.Range(0, 50).Select(i =>
        {
            var data = Encoding.UTF8.GetBytes($"message {thread}/{i}");
            var signature = key.Sign(data);
            var tampered = Encoding.UTF8.GetBytes($"message {thread}/{i + 1}");
            return (Good: published.Verify(data, signature), Tampered: published.Verify(tampered, signature), Garbage: published.Verify(data, [.. signature[..^2], 0, 0]),
                Again: published.Verify(data, signature));
        }).ToList())));
        Assert.All(results.SelectMany(r => r), r => Assert.Equal((true, false, false, true), r));
    }

    [Fact]
    public void A_p256_key_read_back_from_its_file_keeps_its_algorithm_and_id()
    {
        var first = Keys().GetOrCreate("node-signing", SignatureSchemes.P256);
        var again = Keys().GetOrCreate("node-signing", SignatureSchemes.Sm2); // the file decides, not the setting
        Assert.Equal((SignatureSchemes.P256, first.Public.KeyId), (again.Public.Algorithm, again.Public.KeyId));
    }

    [Fact]
    public void A_key_is_parsed_once_but_a_key_replaced_on_disk_by_another_process_is_used_at_once()
    {
        var keys = Keys();
        var first = keys.GetOrCreate("node-signing", SignatureSchemes.Sm2);
        Assert.Same(first, keys.GetOrCreate("node-signing", SignatureSchemes.Sm2)); // kept, not parsed again

        // The command line rotates the key in its own process: this one's next use takes the new file, and publishes it.
        Keys().Retire("node-signing", DateTimeOffset.UtcNow);
        var other = Keys().GetOrCreate("node-signing", SignatureSchemes.Sm2);
        var now = keys.GetOrCreate("node-signing", SignatureSchemes.Sm2);
        Assert.Equal(other.Public.KeyId, now.Public.KeyId);
        Assert.NotEqual(first.Public.KeyId, now.Public.KeyId);
        Assert.Equal(now.Public.Pem, File.ReadAllText(Path.Combine(_directory, "node-signing.pub")));
        Assert.Contains(keys.Trusted("node-signing"), k => k.KeyId == first.Public.KeyId); // the retired key still verifies
    }

    [Fact]
    public void An_sm2_signature_does_not_verify_under_a_p256_key()
    {
        var sm2 = Keys().GetOrCreate("a", SignatureSchemes.Sm2);
        var p256 = Keys().GetOrCreate("b", SignatureSchemes.P256);
        var data = Encoding.UTF8.GetBytes("x");
        Assert.False(p256.Public.Verify(data, sm2.Sign(data)));
    }

    [Fact]
    public void Canonical_json_sorts_members_and_drops_whitespace() =>
        Assert.Equal("{\"a\":{},\"z\":{\"a\":[],\"b\":\"营业\"}}", CanonicalJson.Text(JsonNode.Parse("{ \"z\" : { \"b\" : \"营业\" , \"a\" : [ ] }, \"a\" : { } }")));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
