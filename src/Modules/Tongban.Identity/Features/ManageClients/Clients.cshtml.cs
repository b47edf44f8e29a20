using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Identity.Domain;
using Tongban.Kernel.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.ManageClients;

internal sealed class ClientInput
{
    public string ClientId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public bool Confidential { get; set; } = true;
    public string? RedirectUris { get; set; }
    public string? PostLogoutRedirectUris { get; set; }
    public bool AuthorizationCode { get; set; }
    public bool ClientCredentials { get; set; }
    public bool Profile { get; set; } = true;
    public bool IdNumber { get; set; }
    public bool OfflineAccess { get; set; }
    public string? Department { get; set; }

    public ClientRegistration ToRegistration() => new(ClientId, DisplayName, Confidential, Lines(RedirectUris), Lines(PostLogoutRedirectUris),
        AuthorizationCode, ClientCredentials,
        new[] { (Scopes.OpenId, true), (Scopes.Profile, Profile), (OpenIdConnect.OidcScopes.IdNumber, IdNumber), (Scopes.OfflineAccess, OfflineAccess) }
            .Where(s => s.Item2).Select(s => s.Item1).ToList(), Department);

    private static List<string> Lines(string? text) =>
        (text ?? "").Split(['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

/// <summary>The system administrator registers clients of the OpenID Connect provider (the secret is shown once), disables and deletes them.</summary>
[Authorize(Policy = Policies.SystemAdministrator)]
internal sealed class ClientsModel(ClientRegistrations registrations) : PageModel
{
    [BindProperty]
    public ClientInput Input { get; set; } = new();

    public IReadOnlyList<ClientSummary> Clients { get; private set; } = [];

    /// <summary>The client just registered and its secret, shown on this answer only.</summary>
    public (string ClientId, string? Secret)? Registered { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Clients = await registrations.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Clients = await registrations.ListAsync(ct);
        var secret = await registrations.RegisterAsync(Input.ToRegistration(), Actor.Of(User), ct);
        Registered = (Input.ClientId.Trim(), secret);
        Input = new ClientInput();
        ModelState.Clear();
        Clients = await registrations.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string clientId, CancellationToken ct)
    {
        await registrations.DisableAsync(clientId, Actor.Of(User), ct);
        return Redirect("/admin/identity/clients");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string clientId, CancellationToken ct)
    {
        await registrations.DeleteAsync(clientId, Actor.Of(User), ct);
        return Redirect("/admin/identity/clients");
    }
}
