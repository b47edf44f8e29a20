using Microsoft.AspNetCore.Identity;
using Tongban.Identity.Data;
using Tongban.Identity.Features.SignIn;

namespace Tongban.Identity.Passwords;

internal static class CheckedPasswords
{
    /// <summary>Sets the password once every rule passed (length, common passwords, ID and phone digits); a refused one changes nothing.</summary>
    public static async Task SetCheckedPasswordAsync(this UserManager<Account> users, Account account, string? password, string field = "password")
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, account, password ?? "");
            if (!result.Succeeded) throw SignInErrors.From(result, field);
        }
        account.PasswordHash = users.PasswordHasher.HashPassword(account, password!);
    }
}
