using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;
using Tongban.Registries.Contracts;

namespace Tongban.Identity.Tests;

/// <summary>Enterprises for tests: a fresh credit code, a legal-entity registry record naming its representative, claims through the pages.</summary>
internal static partial class Enterprises
{
    public static string NewCreditCode()
    {
        var first17 = "91211221" + RandomNumber(9);
        return first17 + CreditCode.CheckCharacter(first17);
    }

    /// <summary>Loads an active entity into the legal-entity registry, as a data administrator's import would; <paramref name="representativeIdNumber"/> may be left out, as in older records.</summary>
    public static async Task RecordInRegistryAsync(this TongbanApp app, string creditCode, string name, string representative, string? representativeIdNumber)
    {
        var csv = "creditCode,name,entityType,legalRepresentative,address,divisionCode,status,establishedOn,businessScope,legalRepresentativeIdNumber,updatedOn\n"
            + $"{creditCode},{name},有限责任公司,{representative},铁岭县新台子镇懿路村1号,211221101200,active,2020-01-01,日用百货销售,{representativeIdNumber},2025-06-30\n";
        var bytes = Encoding.UTF8.GetBytes(csv);
        using var scope = app.Services.CreateScope();
        var summary = await scope.ServiceProvider.GetRequiredService<IRegistryImport>().ImportAsync(
            new RegistryImportRequest("legal-entities", $"test-{creditCode}.csv", () => new MemoryStream(bytes), ImportFormat.Csv, "test"), null, CancellationToken.None);
        Assert.Equal(0, summary.Rejected);
    }

    public static Task<HttpResponseMessage> ClaimAsync(this HttpClient person, string creditCode, string name) =>
        person.PostFormAsync("/account/enterprises", "/account/enterprises?handler=Register", ("CreditCode", creditCode), ("EnterpriseName", name));

    /// <summary>The status of the person's registration of the code, as their page marks it (pending, verified, revoked), or null.</summary>
    public static async Task<string?> StatusAsync(this HttpClient person, string creditCode)
    {
        var page = People.Text(await person.GetStringAsync("/account/enterprises"));
        var section = page.Split("<section class=\"card enterprise\"").FirstOrDefault(s => s.Contains(creditCode, StringComparison.Ordinal));
        return section is null ? null : Status().Match(section).Groups[1].Value;
    }

    /// <summary>A window clerk (development sign-in) on the claims page.</summary>
    public static Task<HttpClient> ClerkAsync(this TongbanApp app) => app.SignInAsync("窗口核验员", Policies.WindowClerk);

    /// <summary>The id of the claim row of <paramref name="creditCode"/> whose claimant is <paramref name="idNumber"/> (shown masked).</summary>
    public static async Task<string> ClaimIdAsync(this HttpClient clerk, string creditCode, string idNumber)
    {
        var page = People.Text(await clerk.GetStringAsync("/admin/identity/enterprise-claims?code=" + creditCode));
        var row = page.Split("<tr class=\"claim\"").First(r => r.Contains(ResidentIdNumber.Mask(idNumber), StringComparison.Ordinal));
        return ClaimId().Match(row).Groups[1].Value;
    }

    /// <summary>A window clerk raises the person to L3 after seeing their ID card.</summary>
    public static async Task VerifyInPersonAsync(this TongbanApp app, string idNumber, string name)
    {
        var clerk = await app.ClerkAsync();
        using var verified = await clerk.PostFormAsync("/admin/identity/verify-in-person", "/admin/identity/verify-in-person", ("IdNumber", idNumber), ("Name", name));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
    }

    private static string RandomNumber(int digits) =>
        Random.Shared.NextInt64(0, (long)Math.Pow(10, digits)).ToString("D" + digits, CultureInfo.InvariantCulture);

    [GeneratedRegex("data-status=\"([a-z]+)\"")]
    private static partial Regex Status();

    [GeneratedRegex("name=\"id\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ClaimId();
}
