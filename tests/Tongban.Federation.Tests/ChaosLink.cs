using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tongban.Federation.Tests;

/// <summary>
/// The network between a city process and its province process, on loopback, as bad as a test asks: while
/// <see cref="Chaos"/>, 30 % of requests are answered 503 before they reach the province, and 15 % reach it but are
/// answered 504 after a delay (the province stored the records; the city cannot know); while <see cref="Down"/>, every
/// connection is dropped. Counts what it did, so the test can show the faults happened.
/// </summary>
public sealed class ChaosLink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _forward = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Random _random = new(20261206);
    private int _forwarded, _refused, _lostAnswers, _dropped;

    private ChaosLink(WebApplication app) => _app = app;

    public bool Chaos { get; set; }

    public bool Down { get; set; }

    public (int Forwarded, int Refused, int LostAnswers, int Dropped) Counts => (_forwarded, _refused, _lostAnswers, _dropped);

    public static async Task<ChaosLink> StartAsync(int port, Uri province)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var link = new ChaosLink(app);
        app.Map("/{**path}", (HttpContext context) => link.CarryAsync(context, province));
        await app.StartAsync();
        return link;
    }

    private async Task CarryAsync(HttpContext context, Uri province)
    {
        if (Down)
        {
            Interlocked.Increment(ref _dropped);
            context.Abort();
            return;
        }
        double roll;
        lock (_random) roll = _random.NextDouble();
        if (Chaos && roll < 0.30)
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(province, context.Request.Path + context.Request.QueryString));
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        request.Content = new ByteArrayContent(body.ToArray());
        foreach (var (name, values) in context.Request.Headers)
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray())) request.Content.Headers.TryAddWithoutValidation(name, values.ToArray());
        request.Headers.Host = null;
        using var answer = await _forward.SendAsync(request, context.RequestAborted);
        Interlocked.Increment(ref _forwarded);
        if (Chaos && roll < 0.45)
        {
            Interlocked.Increment(ref _lostAnswers);
            await Task.Delay(TimeSpan.FromMilliseconds(300 + (roll * 2000)), context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
            return;
        }
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
            if (name is not ("Transfer-Encoding" or "Content-Length")) context.Response.Headers[name] = values.ToArray();
        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        _forward.Dispose();
        await _app.DisposeAsync();
    }
}
