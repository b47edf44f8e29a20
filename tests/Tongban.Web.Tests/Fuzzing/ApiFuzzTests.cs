using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Kernel.Security;

namespace Tongban.Web.Tests.Fuzzing;

/// <summary>
/// Every operation of <c>/openapi/v1.json</c>, under every kind of caller, sent malformed requests: no answer may be
/// a server error. SQLite only: what it finds are handlers trusting their input, which does not depend on the
/// database, and one lane keeps the run near half a minute.
/// </summary>
public sealed class ApiFuzzTests(ITestOutputHelper output)
{
    private sealed record Caller(string Name, HttpClient Client, bool Reduced);

    [Fact]
    public async Task Malformed_requests_to_every_operation_under_every_role_never_get_a_server_error()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseLane.Sqlite);
        await using var app = new TongbanApp(database);
        var callers = await CallersAsync(app);
        var document = new ApiOperations(await callers[1].Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken));
        var operations = document.All();
        var samples = await GatherAsync(operations, callers);
        var requests = new MalformedRequests(document, samples);

        var failures = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        foreach (var caller in callers)
        {
            var (started, count) = (clock.Elapsed, 0);
            // Made as they are sent: a body may be 100 kB, and thousands are sent.
            await Parallel.ForEachAsync(operations.SelectMany(o => requests.For(o, caller.Reduced)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, ct) =>
            {
                Interlocked.Increment(ref count);
                if (await SendAsync(caller.Client, request, ct) is { } failure) failures.Add($"{caller.Name}: {request} → {failure}");
            });
            sent += count;
            output.WriteLine($"{caller.Name}: {count} requests in {(clock.Elapsed - started).TotalSeconds:F1} s");
        }
        output.WriteLine($"{operations.Count} operations, {callers.Count} callers, {sent} requests in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.IsEmpty, $"{failures.Count} server errors:\n" + string.Join("\n", failures.Order().Take(300)));
    }

    private static async Task<string?> SendAsync(HttpClient client, FuzzRequest request, CancellationToken ct)
    {
        try
        {
            using var message = request.Message();
            using var response = await client.SendAsync(message, ct);
            return (int)response.StatusCode >= 500 ? $"{(int)response.StatusCode}" : null;
        }
        catch (HttpRequestException ex)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
        catch (InvalidOperationException ex)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }

    /// <summary>
    /// Anonymous, a citizen, staff in every role at once (the deepest reach), a department system with a token — all
    /// variants; then each staff role alone with a seventh of them.
    /// </summary>
    private static async Task<List<Caller>> CallersAsync(TongbanApp app)
    {
        var (_, _, citizen) = await app.RegisterCitizenAsync("模糊测试");
        var callers = new List<Caller>
        {
            new("anonymous", app.CreateClient(), false),
            new("all staff roles", await app.SignInAsync("模糊测试全角色", [.. Policies.All.Select(p => p.Role)]), false),
            new("citizen", citizen, false),
            new("client credentials", await app.ClientCredentialsAsync(0), false),
        };
        foreach (var (role, _, _) in Policies.All)
            callers.Add(new(role, await app.SignInAsync($"模糊测试{role}", role), true));
        return callers;
    }

    /// <summary>Values the list operations hand out, to every caller who may read them.</summary>
    private static async Task<Samples> GatherAsync(IReadOnlyList<ApiOperation> operations, List<Caller> callers)
    {
        var samples = new Samples();
        foreach (var operation in operations.Where(o => o.Method == "GET" && !o.In("path").Any()))
        {
            foreach (var caller in callers.Where(c => !c.Reduced))
            {
                using var response = await caller.Client.GetAsync(new Uri(operation.Path, UriKind.Relative));
                if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "application/json")
                    samples.Gather(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
            }
        }
        return samples;
    }
}
