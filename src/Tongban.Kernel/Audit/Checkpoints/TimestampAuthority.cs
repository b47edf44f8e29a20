using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.X509;

namespace Tongban.Kernel.Audit.Checkpoints;

/// <summary>
/// An RFC 3161 time-stamping service, asked only when <c>Audit:Checkpoints:TimestampUrl</c> is set: the request carries
/// the SHA-256 of the checkpoint's signed bytes and a nonce, and the answer is checked against the request (imprint,
/// nonce, status, the TSA's certificate) before its token is kept with the checkpoint.
/// </summary>
public sealed class TimestampAuthority(IHttpClientFactory http, IOptions<CheckpointOptions> options)
{
    public const string HttpClientName = "tongban.timestamp";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.TimestampUrl);

    /// <summary>The token (DER) over <paramref name="data"/>.</summary>
    public async Task<byte[]> StampAsync(byte[] data, CancellationToken cancellationToken)
    {
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        var request = generator.Generate(TspAlgorithms.Sha256, SHA256.HashData(data), new BigInteger(64, new SecureRandom()));
        using var content = new ByteArrayContent(request.GetEncoded());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        using var response = await http.CreateClient(HttpClientName).PostAsync(options.Value.TimestampUrl, content, cancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = new TimeStampResponse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        answer.Validate(request);
        return answer.TimeStampToken?.GetEncoded() ?? throw new TspException($"The timestamp service refused: {answer.GetStatusString()}");
    }

    /// <summary>
    /// Whether <paramref name="token"/> stamps exactly <paramref name="data"/> and is signed by the configured TSA
    /// certificate (or, without one, by the certificate the token carries). Reads only.
    /// </summary>
    public bool Matches(byte[] token, byte[] data)
    {
        try
        {
            var stamp = new TimeStampToken(new CmsSignedData(token));
            if (!stamp.TimeStampInfo.GetMessageImprintDigest().AsSpan().SequenceEqual(SHA256.HashData(data))) return false;
            var certificate = TrustedCertificate() ?? stamp.GetCertificates().EnumerateMatches(stamp.SignerID).FirstOrDefault();
            if (certificate is null) return false;
            stamp.Validate(certificate);
            return true;
        }
        catch (Exception ex) when (ex is TspException or CmsException or IOException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private X509Certificate? TrustedCertificate() => string.IsNullOrWhiteSpace(options.Value.TimestampCertificate) ? null
        : new X509CertificateParser().ReadCertificate(File.ReadAllBytes(options.Value.TimestampCertificate));
}
