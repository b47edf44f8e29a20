using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tongban.Nodes.Tests;

/// <summary>
/// The network in front of the provider node, as an attacker on it sees it: it forwards every POST (messages from the
/// consumer node, notices from the centre) to the provider node, keeps the last message it carried (to replay it) and, when told,
/// changes the subject in a message's body on the way (a tampered message). The directory lists the provider node at
/// the wire's address, so every call crosses it.
/// </summary>
public sealed class Wire : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _forward = new() { Timeout = TimeSpan.FromSeconds(30) };

    private Wire(WebApplication app) => _app = app;

    /// <summary>While set, a message's body travels with this subject instead of the one the consumer node signed.</summary>
    public string? SubstituteSubject { get; set; }

    /// <summary>The last message (envelope text) exactly as the consumer node sent it.</summary>
    public string? LastMessage { get; private set; }

    public static async Task<Wire> StartAsync(int port, Uri provider)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var wire = new Wire(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            var text = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
            var message = context.Request.Path == "/node/messages";
            if (message) wire.LastMessage = text;
            using var forwarded = await wire._forward.PostAsync(new Uri(provider, context.Request.Path.Value),
                new StringContent(message ? wire.Tamper(text) : text, Encoding.UTF8, "application/json"));
            context.Response.StatusCode = (int)forwarded.StatusCode;
            context.Response.ContentType = forwarded.Content.Headers.ContentType?.ToString();
            await context.Response.WriteAsync(await forwarded.Content.ReadAsStringAsync(), context.RequestAborted);
        });
        await app.StartAsync();
        return wire;
    }

    private string Tamper(string text)
    {
        if (SubstituteSubject is null || JsonNode.Parse(text) is not JsonObject envelope || envelope["body"]?.GetValue<string>() is not { } body) return text;
        var request = JsonNode.Parse(body)!;
        request["key"] = SubstituteSubject;
        envelope["body"] = request.ToJsonString();
        return envelope.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        _forward.Dispose();
        await _app.DisposeAsync();
    }
}
