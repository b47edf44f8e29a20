using Tongban.Applications.Domain;
using Tongban.Applications.Features.ProvideMaterials;
using Tongban.Applications.Features.SubmitApplication;
using Tongban.Catalog.Contracts;

namespace Tongban.Applications.Features.ApplyOnline;

/// <summary>Apply for an item: the steps of <see cref="ApplicationPageModel"/>, ending at the case's receipt.</summary>
internal sealed class ApplyModel(ApplyOnline handler, ProvideMaterials.ProvideMaterials materials, UseRegistryFact facts, UseLicense licenses, ApplyGate gate)
    : ApplicationPageModel(handler, materials, facts, licenses, gate)
{
    public ApplicableItem Item => Target.Items[0];

    protected override async Task<ApplicationTarget> FindAsync(string code, CancellationToken ct) => ApplicationTarget.Of(await Drafts.FindItemAsync(code, ct));

    protected override Task<Draft> StartAsync(string code, CancellationToken ct) => Drafts.StartAsync(code, User, ct);

    protected override string PathOf(string code) => $"/apply/{Uri.EscapeDataString(code)}";

    protected override async Task<string> SubmitAsync(Guid draftId, CancellationToken ct) =>
        $"/my/cases/{(await Drafts.SubmitAsync(draftId, Input, User, ct)).Case.Number}/receipt";
}
