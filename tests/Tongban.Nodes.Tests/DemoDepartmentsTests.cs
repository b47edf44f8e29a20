using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Node;

namespace Tongban.Nodes.Tests;

/// <summary>The real estate and medical insurance demo systems, each its own process, started once for the class.</summary>
public sealed class DemoSystems : IAsyncLifetime
{
    public HostProcess RealEstate { get; private set; } = null!;
    public HostProcess MedicalInsurance { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var dll = HostProcess.Built("samples/Tongban.DemoDepartments", "Tongban.DemoDepartments.dll");
        var estate = HostProcess.StartAsync("real estate system", dll, HostProcess.FreePort(), new Dictionary<string, string?>(), "/health", args: ["--system", "real-estate"]);
        var insurance = HostProcess.StartAsync("medical insurance system", dll, HostProcess.FreePort(), new Dictionary<string, string?>(), "/health", args: ["--system", "medical-insurance"]);
        await Task.WhenAll(estate, insurance).ContinueWith(_ => { }, TaskScheduler.Default); // both finished: each is stopped below, started or not
        if (estate.IsCompletedSuccessfully) RealEstate = estate.Result;
        if (insurance.IsCompletedSuccessfully) MedicalInsurance = insurance.Result;
        await Task.WhenAll(estate, insurance);
    }

    public async ValueTask DisposeAsync()
    {
        if (RealEstate is not null) await RealEstate.DisposeAsync();
        if (MedicalInsurance is not null) await MedicalInsurance.DisposeAsync();
    }
}

/// <summary>
/// A provider node's adapter (the node's own code, <see cref="Adapter"/>) over the two other demo department systems, with
/// the mappings the Nodes README gives for them: only mapped items come back, an unknown subject is not found.
/// </summary>
public sealed class DemoDepartmentsTests(DemoSystems systems) : IClassFixture<DemoSystems>
{
    private const string Person = "211221196805129013";
    private const string Deceased = "211202194103089047";

    private static Adapter AdapterFor(string service, Uri system, string path, Dictionary<string, string> items)
    {
        var options = new NodesOptions();
        options.Adapters[service] = new AdapterOptions { BaseAddress = system.ToString(), Path = path, Items = items };
        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        return new Adapter(services.GetRequiredService<IHttpClientFactory>(), Options.Create(options));
    }

    [Fact]
    public async Task The_real_estate_system_answers_a_certificate_by_its_unit_number_with_its_encumbrances_and_verifies_its_owner()
    {
        using var http = new HttpClient { BaseAddress = systems.RealEstate.Address };
        var holdings = await (await http.PostAsJsonAsync("/real-estate/holdings", new { key = Person })).Content.ReadFromJsonAsync<JsonElement>();
        var certificate = holdings.GetProperty("certificates")[0];
        var unit = certificate.GetProperty("unitNumber").GetString()!;
        var adapter = AdapterFor("estate-certificate", systems.RealEstate.Address, "/real-estate/certificates", new()
        {
            ["certificateNumber"] = "certificateNumber", ["rightHolder"] = "rightHolder", ["location"] = "location", ["encumbered"] = "encumbered", ["encumbrances"] = "encumbrances",
        });

        var items = await adapter.CallAsync("estate-certificate", new ServiceRequest(unit, ["certificateNumber", "rightHolder", "encumbered", "encumbrances", "holderIdNumber"]), CancellationToken.None);
        var owner = await (await http.PostAsJsonAsync("/real-estate/verifications", new { key = unit, owner = Person })).Content.ReadFromJsonAsync<JsonElement>();
        var stranger = await (await http.PostAsJsonAsync("/real-estate/verifications", new { key = unit, owner = Deceased })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(["certificateNumber", "rightHolder", "encumbered", "encumbrances"], items.Select(i => i.Key));
        Assert.Equal((certificate.GetProperty("certificateNumber").GetString(), "张建国"), (items["certificateNumber"]!.GetValue<string>(), items["rightHolder"]!.GetValue<string>()));
        Assert.Equal(items["encumbered"]!.GetValue<bool>(), items["encumbrances"]!.AsArray().Count > 0);
        Assert.Equal((true, false), (owner.GetProperty("ownerMatches").GetBoolean(), stranger.GetProperty("ownerMatches").GetBoolean()));
        var missing = await Assert.ThrowsAsync<NodeRefusal>(() => adapter.CallAsync("estate-certificate", new ServiceRequest("211202000000GB00000F00000000", ["rightHolder"]), CancellationToken.None));
        Assert.Equal("node.subject_not_found", missing.Error.Code);
    }

    [Fact]
    public async Task The_medical_insurance_system_answers_enrolment_status_and_contribution_months_and_the_deceased_are_ended()
    {
        var adapter = AdapterFor("medical-enrolment", systems.MedicalInsurance.Address, "/medical-insurance/enrolments", new()
        {
            ["insuranceType"] = "insuranceType", ["insuredStatus"] = "insuredStatus", ["paidUntil"] = "paidUntil", ["contributionMonths"] = "contributionMonths",
        });

        var living = await adapter.CallAsync("medical-enrolment", new ServiceRequest(Person, ["insuredStatus", "contributionMonths", "monthlyAmount"]), CancellationToken.None);
        var deceased = await adapter.CallAsync("medical-enrolment", new ServiceRequest(Deceased, ["insuredStatus"]), CancellationToken.None);

        Assert.Equal(["insuredStatus", "contributionMonths"], living.Select(i => i.Key));
        Assert.Equal("参保缴费", living["insuredStatus"]!.GetValue<string>());
        Assert.InRange(living["contributionMonths"]!.GetValue<int>(), 12, 12 * 28); // since 1999 at most
        Assert.Equal("终止参保", deceased["insuredStatus"]!.GetValue<string>());
        var missing = await Assert.ThrowsAsync<NodeRefusal>(() => adapter.CallAsync("medical-enrolment", new ServiceRequest("110101199001010000", ["insuredStatus"]), CancellationToken.None));
        Assert.Equal("node.subject_not_found", missing.Error.Code);
    }
}
