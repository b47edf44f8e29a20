using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Tongban.Catalog.Contracts;
using Tongban.Federation.Data;
using Tongban.Federation.Domain;
using Tongban.Federation.Features.Receive;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Keys;

namespace Tongban.Federation.Features.CatalogFeed;

/// <summary>
/// <c>POST /api/federation/catalog</c> on the province: a registered city's signed question (<see cref="CatalogQuestion"/>)
/// through the same door as a push (<see cref="CityGate"/>), answered with a page of the catalog's provincial items
/// changed after the cursor and at least <see cref="FederationOptions.CatalogFeedSettle"/> ago
/// (<see cref="ICatalogFeedSource"/>), the whole body signed with the province's key so the city can check it came from
/// the province unchanged. Refusals are bilingual ProblemDetails, recorded as for a push.
/// </summary>
internal sealed class AnswerCatalog(CityGate gate, ICatalogFeedSource catalog, SigningKeys keys, IOptions<FederationOptions> options, FederationDbContext db, TimeProvider clock)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (passed, refused) = await gate.OpenAsync(request, cancellationToken);
        if (passed is null) return refused!;
        var city = passed.City.Code;
        var question = Parse(passed.Body);
        if (question is null || question.Limit < 1)
            return await gate.RefuseAsync(city, "malformed", new("federation.malformed", "请求内容无法读取", "The request body cannot be read", ErrorKind.BadRequest), cancellationToken);
        if (question.City != city)
            return await gate.RefuseAsync(city, "city_mismatch", new("federation.city_mismatch", "请求中的城市与签名不一致", "The city in the body is not the city that signed it", ErrorKind.Forbidden), cancellationToken);
        CatalogFeedPage page;
        try
        {
            page = await catalog.ReadAsync(question.After, question.Limit, clock.GetUtcNow() - options.Value.CatalogFeedSettle, cancellationToken);
        }
        catch (DomainException ex)
        {
            return await gate.RefuseAsync(city, "cursor", ex.Errors[0], cancellationToken);
        }
        using var feed = JsonDocument.Parse(page.Feed);
        var body = JsonSerializer.SerializeToUtf8Bytes(new CatalogAnswer(feed.RootElement, page.Count, page.Next, page.ChangedUpTo, page.More), Wire.Json);
        var key = keys.GetOrCreate(options.Value.ProvinceKeyName, options.Value.ProvinceKeyAlgorithm);
        request.HttpContext.Response.Headers[Wire.SignatureHeader] = Convert.ToBase64String(key.Sign(body));
        db.Exchanges.Add(ExchangeEntry.CatalogGiven(city, page.Count, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Bytes(body, "application/json");
    }

    private static CatalogQuestion? Parse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<CatalogQuestion>(body, Wire.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
