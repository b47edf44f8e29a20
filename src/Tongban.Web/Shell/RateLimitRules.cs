using System.Security.Cryptography;
using System.Text;
using Tongban.Web.Hosting;

namespace Tongban.Web.Shell;

/// <summary>One limit: which requests it counts, whose they are (the partition), and its size from configuration.</summary>
internal sealed record RateLimitRule(string Name, Func<HttpRequest, bool> Counts, Func<HttpContext, string?> Whose, Func<RateLimitOptions, RateLimit> Limit);

/// <summary>
/// The rules, in one table. A request counts against every rule that matches it; form fields name the account or phone,
/// so the form is read before the limiter looks (<see cref="ReadsForm"/>).
/// </summary>
internal static class RateLimitRules
{
    public static readonly RateLimitRule[] All =
    [
        new("sign-in/address", r => IsPost(r, "/account/sign-in") && Handler(r) != "SendCode", Address, o => o.SignInPerAddress),
        new("sign-in/account", r => IsPost(r, "/account/sign-in") && Handler(r) is "Password" or "Code", c => Login(Field(c, "Login") ?? Field(c, "Phone")), o => o.SignInPerAccount),
        new("sms/address", IsSmsRequest, Address, o => o.SmsPerAddress),
        new("sms/phone-hour", IsSmsRequest, c => Login(Field(c, "Phone")), o => o.SmsPerPhoneHour),
        new("sms/phone-day", IsSmsRequest, c => Login(Field(c, "Phone")), o => o.SmsPerPhoneDay),
        new("registration/address", r => IsPost(r, "/account/register") || IsPost(r, "/api/identity/accounts"), Address, o => o.RegistrationPerAddress),
        new("reset/address", r => IsPost(r, "/account/reset") && Handler(r) != "SendCode", Address, o => o.PasswordResetPerAddress),
        new("reset/account", r => IsPost(r, "/account/reset") && Handler(r) != "SendCode", c => Login(Field(c, "Phone")), o => o.PasswordResetPerAccount),
        new("token/address", r => IsPost(r, "/connect/token"), Address, o => o.TokenPerAddress),
        new("token/client", r => IsPost(r, "/connect/token"), ClientId, o => o.TokenPerClient),
        new("node-token/address", r => IsPost(r, "/node/token"), Address, o => o.TokenPerAddress),
        new("node-token/client", r => IsPost(r, "/node/token"), ClientId, o => o.TokenPerClient),
        new("exchange/address", r => r.Path.StartsWithSegments("/api/exchange"), Address, o => o.ExchangePerAddress),
        new("exchange/token", r => r.Path.StartsWithSegments("/api/exchange"), Token, o => o.ExchangePerToken),
        new("tickets/address", r => IsHallPost(r, "tickets", "kiosk"), Address, o => o.TicketsPerAddress),
        new("hall-ratings/address", r => IsHallPost(r, "rating", "rate"), Address, o => o.HallRatingsPerAddress),
        new("appointments/address", IsAppointmentPost, Address, o => o.AppointmentsPerAddress),
        new("federation/address", r => r.Path.StartsWithSegments("/api/federation"), Address, o => o.FederationPerAddress),
        new("nodes/address", r => r.Path.StartsWithSegments("/api/nodes/configuration") || r.Path.StartsWithSegments("/api/nodes/stamps"), Address, o => o.NodesPerAddress),
    ];

    /// <summary>Requests whose partition comes from a form field: their form is read (and kept) before the limiter runs.</summary>
    public static bool ReadsForm(HttpRequest request) =>
        request.HasFormContentType && (IsPost(request, "/account/sign-in") || IsPost(request, "/account/reset") || IsPost(request, "/connect/token")
            || IsPost(request, "/node/token"));

    private static bool IsSmsRequest(HttpRequest r) => (IsPost(r, "/account/sign-in") || IsPost(r, "/account/reset")) && Handler(r) == "SendCode";

    /// <summary>
    /// A POST to a hall's API ending in <paramref name="apiSegment"/> (<c>/api/halls/{hall}/…/{segment}</c>) or to its page
    /// <c>/halls/{hall}/{pageSegment}[/…]</c>: the public ticket and rating forms, whichever way they are sent.
    /// </summary>
    private static bool IsHallPost(HttpRequest request, string apiSegment, string pageSegment)
    {
        if (!HttpMethods.IsPost(request.Method)) return false;
        var segments = (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["api", "halls", _, .., var last] => last.Equals(apiSegment, StringComparison.OrdinalIgnoreCase),
            ["halls", _, var page, ..] => page.Equals(pageSegment, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>A POST booking, moving or cancelling an appointment (<c>/api/halls/{hall}/appointments[/…]</c>, <c>/halls/{hall}/appointments[/…]</c>) or checking one in through the API.</summary>
    private static bool IsAppointmentPost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries) switch
        {
            ["api", "halls", _, var what, ..] => what.Equals("appointments", StringComparison.OrdinalIgnoreCase) || what.Equals("check-in", StringComparison.OrdinalIgnoreCase),
            ["halls", _, var page, ..] => page.Equals("appointments", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };

    private static bool IsPost(HttpRequest request, string path) => HttpMethods.IsPost(request.Method) && request.Path.Equals(path, StringComparison.OrdinalIgnoreCase);

    private static string? Handler(HttpRequest request) => request.Query["handler"].FirstOrDefault();

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string? Field(HttpContext context, string name) =>
        context.Request.HasFormContentType && context.Request.Form.TryGetValue(name, out var value) ? value.FirstOrDefault() : null;

    /// <summary>An ID number or a phone number as the sign-in reads it: no spaces or dashes, no +86, upper case.</summary>
    private static string? Login(string? typed)
    {
        var value = new string((typed ?? "").Where(c => c is not (' ' or '-')).ToArray()).ToUpperInvariant();
        if (value.StartsWith("+86", StringComparison.Ordinal)) value = value[3..];
        return value.Length == 0 ? null : value;
    }

    /// <summary>The client id of a token request: in the form, or in HTTP Basic authentication.</summary>
    private static string? ClientId(HttpContext context)
    {
        if (Field(context, "client_id") is { Length: > 0 } id) return id;
        var header = context.Request.Headers.Authorization.FirstOrDefault();
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            return Uri.UnescapeDataString(pair.Split(':')[0]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The bearer token, hashed: the limiter runs before the token is validated, and a client gets no more tokens than
    /// <c>token/client</c> lets it.
    /// </summary>
    private static string? Token(HttpContext context) =>
        context.Request.Headers.Authorization.FirstOrDefault() is { Length: > 0 } header
            ? Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(header)))
            : null;
}
