using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Identity.Domain;
using Tongban.Kernel.Security;

namespace Tongban.Identity.Features.Federation;

/// <summary>The form a system administrator edits the upstream with; scopes space-separated, level mapping one "value=level" a line.</summary>
internal sealed class UpstreamForm
{
    public bool Enabled { get; set; }
    public string? Issuer { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? Scopes { get; set; }
    public string? LevelMap { get; set; }

    public static UpstreamForm From(FederationOptions o) => new()
    {
        Enabled = o.Enabled, Issuer = o.Issuer, ClientId = o.ClientId, Scopes = string.Join(" ", o.Scopes),
        LevelMap = string.Join("\n", o.LevelMap.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
    };

    public UpstreamInput ToInput() => new(Enabled, Issuer, ClientId, ClientSecret,
        (Scopes ?? "").Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries), ParseLevels());

    private Dictionary<string, int> ParseLevels()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in (LevelMap ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            map[parts[0]] = parts.Length == 2 && int.TryParse(parts[1], out var level) ? level : 0; // 0 is refused with the field's message
        }
        return map;
    }
}

/// <summary>The upstream provider (ADR 0012): shown and edited by a system administrator; a save takes effect at the next sign-in.</summary>
[Authorize(Policy = Policies.SystemAdministrator)]
internal sealed class FederationModel(UpstreamStore store, EditUpstream edit) : PageModel
{
    public FederationOptions Upstream { get; private set; } = new();

    [BindProperty] public UpstreamForm Input { get; set; } = new();

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Upstream = await store.FreshAsync(ct);
        Input = UpstreamForm.From(Upstream);
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Upstream = await store.FreshAsync(ct); // shown again, with the message on its field, should the change be refused
        await edit.SaveAsync(Input.ToInput(), Actor.Of(User), ct);
        return Redirect("/admin/identity/federation?saved=true");
    }
}
