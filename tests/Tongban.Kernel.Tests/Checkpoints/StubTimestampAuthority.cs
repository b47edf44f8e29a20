using System.Net;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;

namespace Tongban.Kernel.Tests.Checkpoints;

/// <summary>An RFC 3161 time-stamping service in the test process: a self-signed TSA certificate and BouncyCastle's token generator.</summary>
internal sealed class StubTimestampAuthority : HttpMessageHandler
{
    private readonly AsymmetricCipherKeyPair _key;
    private readonly X509Certificate _certificate;
    private long _serial;

    public StubTimestampAuthority()
    {
        var generator = new RsaKeyPairGenerator();
        generator.Init(new KeyGenerationParameters(new SecureRandom(), 2048));
        _key = generator.GenerateKeyPair();
        var name = new X509Name("CN=Test TSA");
        var certificate = new X509V3CertificateGenerator();
        certificate.SetSerialNumber(BigInteger.One);
        certificate.SetIssuerDN(name);
        certificate.SetSubjectDN(name);
        certificate.SetNotBefore(DateTime.UtcNow.AddDays(-1));
        certificate.SetNotAfter(DateTime.UtcNow.AddDays(1));
        certificate.SetPublicKey(_key.Public);
        certificate.AddExtension(X509Extensions.ExtendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeID.id_kp_timeStamping));
        _certificate = certificate.Generate(new Asn1SignatureFactory("SHA256WITHRSA", _key.Private));
    }

    public int Requests { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        Assert.Equal("application/timestamp-query", request.Content!.Headers.ContentType!.MediaType);
        var query = new TimeStampRequest(await request.Content.ReadAsByteArrayAsync(cancellationToken));
        var tokens = new TimeStampTokenGenerator(_key.Private, _certificate, TspAlgorithms.Sha256, "1.2.3.4.1");
        tokens.SetCertificates(CollectionUtilities.CreateStore(new[] { _certificate }));
        var answer = new TimeStampResponseGenerator(tokens, TspAlgorithms.Allowed).Generate(query, BigInteger.ValueOf(Interlocked.Increment(ref _serial)), DateTime.UtcNow);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(answer.GetEncoded()) };
    }
}
