using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;
using Tongban.Registries.Contracts;

namespace Tongban.Registries.Features.ImportRecords;

/// <summary>POST /api/registries/{registry}/imports: a small file in the body, the same summary as the command line.</summary>
internal static class ImportEndpoints
{
    /// <summary>Larger files go through <c>tongban import registry</c>, which shows progress and resumes.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/{registry}/imports", ImportAsync).RequireAuthorization(Policies.DataAdministrator)
            .WithSummary("Import a file (CSV or JSON Lines, docs/registries.md) into a registry: ?format=csv|jsonl, or from the Content-Type; bad lines are listed, good lines load");

    private static async Task<Ok<RegistryImportSummary>> ImportAsync(string registry, string? format, HttpRequest request, ImportRecords import, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var description = ImportRecords.RegistryOf(registry);
        var fileFormat = ImportFormats.Parse(format) ?? (format is null ? ImportFormats.Parse(request.ContentType?.Split(';')[0]) : null)
            ?? throw new DomainException(new DomainError("import.format", "请用?format=csv或?format=jsonl指明文件格式", "Say the file's format: ?format=csv or ?format=jsonl", Field: "format"));
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxBytes)
                throw new DomainException(new DomainError("import.too_large", "文件超过32 MB，请用命令行tongban import registry导入",
                    "The file is larger than 32 MB; import it with the command tongban import registry", Field: "file"));
            body.Write(buffer, 0, read);
        }
        var bytes = body.ToArray();
        var name = $"upload.{(fileFormat == ImportFormat.Csv ? "csv" : "jsonl")}";
        return TypedResults.Ok(await import.RunAsync(new RegistryImportRequest(description.Code, name, () => new MemoryStream(bytes, false), fileFormat, Actor.Of(user)),
            null, cancellationToken));
    }
}
