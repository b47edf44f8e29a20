using Microsoft.AspNetCore.Identity;
using Tongban.Kernel.Errors;

namespace Tongban.Identity.Features.SignIn;

internal static class SignInErrors
{
    /// <summary>One message for an unknown account, a wrong password and a locked account, so none can be told apart.</summary>
    public static DomainException Failed(string field = "password") => new(new DomainError("sign_in.failed",
        "账号或密码不正确。连续失败10次后账号将暂时锁定，锁定时间逐次延长。",
        "The account or the password is wrong. After 10 failures in a row the account is locked for a while, longer each time.", Field: field));

    public static DomainException WrongCode(string field = "code") => new(new DomainError("code.wrong",
        "验证码不正确、已使用或已过期，请重新获取", "The code is wrong, already used or expired; ask for a new one", Field: field));

    /// <summary>Identity's refusals (password rules and our validators) as domain errors on the password field.</summary>
    public static DomainException From(IdentityResult result, string field = "password") => new(result.Errors.Select(e =>
    {
        var parts = e.Description.Split('|');
        return parts.Length == 2
            ? new DomainError(e.Code, parts[0], parts[1], Field: field)
            : e.Code switch
            {
                "PasswordTooShort" => new DomainError("password.too_short", "密码至少8位", "A password has at least 8 characters", Field: field),
                "PasswordRequiresUniqueChars" => new DomainError("password.unique_chars", "密码过于简单，请使用更多不同的字符", "The password is too simple; use more different characters", Field: field),
                _ => new DomainError(e.Code, "密码不符合要求", "The password does not meet the rules", Field: field),
            };
    }).ToList());
}
