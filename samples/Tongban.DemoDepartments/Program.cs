using Tongban.DemoDepartments;

// dotnet run --project samples/Tongban.DemoDepartments -- --system housing-fund --urls http://127.0.0.1:7301
var builder = WebApplication.CreateSlimBuilder(args);
var system = builder.Configuration["system"] ?? "housing-fund";
var people = DemoPeople.Load(builder.Configuration["population"]);
var app = builder.Build();
Drill.Map(app);
switch (system)
{
    case "housing-fund":
        HousingFund.Map(app, people);
        break;
    case "real-estate":
        RealEstate.Map(app, people);
        break;
    case "medical-insurance":
        MedicalInsurance.Map(app, people);
        break;
    default:
        Console.Error.WriteLine($"Unknown --system {system}: housing-fund, real-estate or medical-insurance.");
        return 2;
}
app.MapGet("/health", () => Results.Ok(new { system }));
await app.RunAsync();
return 0;
