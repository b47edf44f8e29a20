// The plaintext baseline: one endpoint, no middleware, no logging.
// Run: dotnet Tongban.Bench.Baseline.dll --urls http://127.0.0.1:5080
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();

var app = builder.Build();
app.MapGet("/plaintext", () => Results.Text("Hello, World!"));

await app.RunAsync();
