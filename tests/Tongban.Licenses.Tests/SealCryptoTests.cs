using System.Text;
using Tongban.Licenses.Signing;

namespace Tongban.Licenses.Tests;

public sealed class SealCryptoTests
{
    private static readonly byte[] Data = Encoding.UTF8.GetBytes("{\"identifier\":\"x\",\"name\":\"营业执照\"}");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_signature_verifies_with_its_key_and_fails_for_changed_data_another_key_or_garbage(int algorithmCode)
    {
        var algorithm = (SealAlgorithm)algorithmCode;
        var (key, other) = (SealCrypto.Generate(algorithm), SealCrypto.Generate(algorithm));
        var signature = SealCrypto.Signer(algorithm, key.Pkcs8)(Data);
        var verify = SealCrypto.Verifier(algorithm, key.SubjectPublicKeyInfo);
        Assert.True(verify(Data, signature));
        Assert.False(verify([.. Data, (byte)' '], signature));
        Assert.False(SealCrypto.Verifier(algorithm, other.SubjectPublicKeyInfo)(Data, signature));
        Assert.False(verify(Data, [0x30, 0x03, 0x02, 0x01, 0x01]));
        Assert.False(verify(Data, [1, 2, 3]));
        Assert.Equal(0x30, signature[0]); // DER SEQUENCE { r INTEGER, s INTEGER }
    }

    [Fact]
    public void The_public_key_is_written_as_a_pem_public_key_block()
    {
        var pem = SealCrypto.Pem(SealCrypto.Generate(SealAlgorithm.Sm2Sm3).SubjectPublicKeyInfo);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem, StringComparison.Ordinal);
        Assert.EndsWith("-----END PUBLIC KEY-----", pem, StringComparison.Ordinal);
    }
}
