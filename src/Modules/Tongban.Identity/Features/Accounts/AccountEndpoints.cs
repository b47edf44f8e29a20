using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Identity.Contracts;

namespace Tongban.Identity.Features.Accounts;

internal sealed record RegistrationRequest(string IdNumber, string Name, string Phone, string Password);

internal sealed record RegisteredAccount(Guid Id, string Name, string MaskedIdNumber, int Level);

internal static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/accounts", RegisterAsync).DisableAntiforgery().WithSummary("Register a citizen account (real-name level 1)");
        api.MapGet("/me", MeAsync).RequireAuthorization().WithSummary("The signed-in account: name, masked ID number, real-name level");
    }

    private static async Task<Created<RegisteredAccount>> RegisterAsync(RegistrationRequest input, RegisterAccounts register, CancellationToken ct)
    {
        var a = await register.RegisterCitizenAsync(new CitizenRegistration(input.IdNumber, input.Name, input.Phone, input.Password), ct);
        return TypedResults.Created("/api/identity/me", new RegisteredAccount(a.Id, a.Name, a.MaskedIdNumber, (int)a.Level));
    }

    private static async Task<Results<Ok<AccountInfo>, NotFound>> MeAsync(ClaimsPrincipal user, IAccountDirectory accounts, CancellationToken ct) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) && await accounts.FindAsync(id, ct) is { } info
            ? TypedResults.Ok(info)
            : TypedResults.NotFound();
}
