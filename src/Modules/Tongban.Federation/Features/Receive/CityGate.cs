using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Tongban.Federation.Data;
using Tongban.Federation.Domain;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Keys;
using Tongban.Kernel.Outbox;

namespace Tongban.Federation.Features.Receive;

/// <summary>
/// The province's door: a request counts as a city's only when the city is registered and the body carries that
/// city's signature. A city is authenticated by its signing key (registered with the province, ADR 0017 as amended),
/// which also proves the body unchanged. Every refusal is answered with a bilingual ProblemDetails and recorded: a row
/// on the status page and an entry in the audit chain.
/// </summary>
internal sealed class CityGate(IOptions<FederationOptions> options, FederationDbContext db, TimeProvider clock)
{
    public const int MaxBody = 16 * 1024 * 1024;

    public sealed record Passed(CityOptions City, byte[] Body);

    public async Task<(Passed? Passed, IResult? Refused)> OpenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!options.Value.IsProvince)
            return (null, Problem(new DomainError("federation.not_province", "本平台未作为省级平台接收数据", "This platform does not receive records as a province", ErrorKind.NotFound)));
        var code = request.Headers[Wire.CityHeader].ToString();
        if (options.Value.FindCity(code) is not { } city)
            return (null, await RefuseAsync(code, "unknown_city", new DomainError("federation.unknown_city", "未登记的市级平台", "This city is not registered with the province", ErrorKind.Forbidden), cancellationToken));
        var body = await ReadAsync(request, cancellationToken);
        if (body is null)
            return (null, await RefuseAsync(code, "too_large", new DomainError("federation.too_large", "请求过大", "The request is too large", ErrorKind.BadRequest), cancellationToken));
        if (!Verify(city, body, request.Headers[Wire.SignatureHeader].ToString()))
            return (null, await RefuseAsync(code, "signature", new DomainError("federation.signature", "签名无效", "The signature is not valid", ErrorKind.Forbidden), cancellationToken));
        return (new Passed(city, body), null);
    }

    /// <summary>Refuses a request that passed the door but whose content is wrong, and records it.</summary>
    public Task<IResult> RefuseAsync(string city, string reason, DomainError error, CancellationToken cancellationToken) =>
        RecordAsync(city, reason, error, cancellationToken);

    private async Task<IResult> RecordAsync(string city, string reason, DomainError error, CancellationToken cancellationToken)
    {
        var shown = city.Length > 16 ? city[..16] : city;
        var now = clock.GetUtcNow();
        db.ChangeTracker.Clear();
        db.Exchanges.Add(ExchangeEntry.Refused(shown, reason, now));
        db.Audit(new AuditRecord(Kernel.Security.Actor.System, "federation.refused", $"city:{shown}", reason, now));
        await db.SaveChangesAsync(cancellationToken);
        return Problem(error);
    }

    public static IResult Problem(DomainError error) => TypedResults.Problem(DomainErrorMapping.ToProblem(new DomainException(error)));

    private static bool Verify(CityOptions city, byte[] body, string signature)
    {
        PublicSigningKey key;
        try
        {
            key = PublicSigningKey.FromPem(city.PublicKey);
        }
        catch (FormatException)
        {
            return false;
        }
        return Wire.Verifies(key, body, signature);
    }

    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBody) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBody) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
