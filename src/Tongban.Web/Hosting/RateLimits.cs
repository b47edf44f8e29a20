using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Tongban.Kernel.Errors;
using Tongban.Web.Shell;

namespace Tongban.Web.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter with one global limiter chained from <see cref="RateLimitRules"/>, sized by
/// <see cref="RateLimitOptions"/>. A refusal is a 429 with Retry-After and a bilingual message: ProblemDetails for
/// the APIs and the OpenID Connect endpoints, the status page for pages.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained([.. RateLimitRules.All.Select(rule => Limiter(rule, rule.Limit(options)))]);
            o.OnRejected = (context, _) => RejectAsync(context);
        });
        return services;
    }

    /// <summary>After routing, before anything that spends work on the request (the token endpoint's lean path included).</summary>
    public static IApplicationBuilder UseRateLimits(this IApplicationBuilder app)
    {
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        if (!configuration.GetValue($"{RateLimitOptions.Section}:{nameof(RateLimitOptions.Enabled)}", true)) return app;
        app.UseWhen(c => RateLimitRules.ReadsForm(c.Request), a => a.Use(async (context, next) =>
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
            await next(context);
        }));
        return app.UseRateLimiter();
    }

    private static PartitionedRateLimiter<HttpContext> Limiter(RateLimitRule rule, RateLimit limit) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => rule.Counts(context.Request) && rule.Whose(context) is { } whose
            ? RateLimitPartition.GetFixedWindowLimiter(whose, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.Permits, Window = limit.Window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(""));

    private static async ValueTask RejectAsync(OnRejectedContext context)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        // A page shows the status page (status code pages run it for an empty 429); APIs, OpenID Connect and an exchange
        // node's endpoints (department systems) get JSON.
        var path = http.Request.Path;
        if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/connect") && !path.StartsWithSegments("/node")) return;
        var problem = DomainErrorMapping.ToProblem(new DomainException(TooMany(seconds)));
        problem.Status = StatusCodes.Status429TooManyRequests;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    internal static DomainError TooMany(int seconds) => new("request.too_many",
        $"操作过于频繁，请{Wait(seconds, "zh")}后再试", $"Too many attempts; try again in {Wait(seconds, "en")}");

    internal static string Wait(int seconds, string language) => (seconds, language) switch
    {
        ( < 60, "zh") => $"{seconds}秒",
        ( < 60, _) => $"{seconds} seconds",
        ( < 3600, "zh") => $"{(seconds + 59) / 60}分钟",
        ( < 3600, _) => $"{(seconds + 59) / 60} minutes",
        (_, "zh") => $"{(seconds + 3599) / 3600}小时",
        _ => $"{(seconds + 3599) / 3600} hours",
    };
}
