using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Identity.Features.Accounts;

/// <summary>
/// The first system administrator of an installation (<c>tongban identity create-admin</c>): a region-wide staff
/// account with a generated password that must be replaced at the first sign-in (<see cref="PasswordChangeRequired"/>).
/// </summary>
internal sealed class CreateFirstAdministrator(AccountsDbContext db, UserManager<Account> users, ManageStaff staff) : IFirstAdministrator
{
    // No 0/O, 1/l/I: the password is read off a screen and typed in once.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public async Task<string> CreateAsync(FirstAdministrator administrator, CancellationToken cancellationToken)
    {
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Name == Policies.SystemAdministrator, cancellationToken);
        if (role is not null && await db.UserRoles.Where(r => r.RoleId == role.Id).Join(db.Users, r => r.UserId, a => a.Id, (_, a) => a).AnyAsync(a => a.DeactivatedAt == null, cancellationToken))
            throw new DomainException(new DomainError("staff.administrator_exists", "已有在用的系统管理员，请由其在“账号与实名”页面创建账号",
                "An active system administrator exists; they create further accounts at /admin/identity/accounts", ErrorKind.Conflict));
        var password = new string(RandomNumberGenerator.GetItems(Alphabet.AsSpan(), 16));
        var account = await staff.CreateAsync(new StaffRegistration(administrator.IdNumber, administrator.Name, administrator.Phone, password,
            new StaffPlacement(administrator.DepartmentCode, null, []), [Policies.SystemAdministrator]), Actor.CommandLine, ManageStaff.WholeRegion, cancellationToken);
        await PasswordChangeRequired.SetAsync(users, account);
        return password;
    }
}

/// <summary>
/// A password someone else chose (generated for the first administrator) must be replaced before anything else: the
/// mark lives in Identity's token table (<c>idn_account_tokens</c>), the sign-in then gives a cookie for the security
/// page only (<see cref="SignIn.AccountClaims.ChangePassword"/>), and changing the password removes the mark.
/// </summary>
internal static class PasswordChangeRequired
{
    private const string Store = "[Tongban]";
    private const string Name = "PasswordChangeRequired";

    public static Task SetAsync(UserManager<Account> users, Account account) => users.SetAuthenticationTokenAsync(account, Store, Name, "true");

    public static async Task<bool> IsSetAsync(UserManager<Account> users, Account account) => await users.GetAuthenticationTokenAsync(account, Store, Name) is not null;

    public static Task ClearAsync(UserManager<Account> users, Account account) => users.RemoveAuthenticationTokenAsync(account, Store, Name);
}
