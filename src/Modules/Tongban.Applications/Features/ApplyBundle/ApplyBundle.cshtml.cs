using Tongban.Applications.Domain;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Applications.Features.ProvideMaterials;
using Tongban.Applications.Features.SubmitApplication;

namespace Tongban.Applications.Features.ApplyBundle;

/// <summary>Apply for a bundle (一件事一次办): the steps of an item's page with the merged form and materials, ending at the bundle's receipt.</summary>
internal sealed class ApplyBundleModel(ApplyOnline.ApplyOnline drafts, ApplyBundle bundles, ProvideMaterials.ProvideMaterials materials, UseRegistryFact facts,
    UseLicense licenses, ApplyGate gate) : ApplicationPageModel(drafts, materials, facts, licenses, gate)
{
    protected override Task<ApplicationTarget> FindAsync(string code, CancellationToken ct) => Drafts.FindBundleAsync(code, ct);

    protected override Task<Draft> StartAsync(string code, CancellationToken ct) => bundles.StartAsync(code, User, ct);

    protected override string PathOf(string code) => $"/apply/bundle/{Uri.EscapeDataString(code)}";

    protected override async Task<string> SubmitAsync(Guid draftId, CancellationToken ct)
    {
        await bundles.SubmitAsync(draftId, Input, User, ct);
        return $"/my/bundles/{draftId}/receipt";
    }
}
