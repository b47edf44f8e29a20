using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;

namespace Tongban.Identity.Passwords;

/// <summary>
/// Refuses passwords people commonly choose (the embedded list, see scripts/generate-common-passwords.py), and
/// passwords that contain the account's own ID number or phone. Compared case-insensitively.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<Account>
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool IsCommon(string password) => List.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        var value = password ?? "";
        if (IsCommon(value))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "password.common", Description = "常见密码，容易被猜中，请换一个|This password is too common and easy to guess; choose another" }));
        if ((user.IdNumber.Length > 0 && value.Contains(user.IdNumber[^6..], StringComparison.OrdinalIgnoreCase))
            || (user.PhoneNumber is { Length: > 0 } phone && value.Contains(phone, StringComparison.Ordinal)))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "password.personal", Description = "密码不能包含身份证号或手机号|The password must not contain your ID number or phone" }));
        return Task.FromResult(IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Tongban.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line);
        return set;
    }
}
