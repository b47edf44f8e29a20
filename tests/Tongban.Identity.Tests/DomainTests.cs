using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Passwords;

namespace Tongban.Identity.Tests;

public sealed class DomainTests
{
    private static Account Citizen() => Account.RegisterCitizen(People.NewIdNumber(), "测试", People.NewPhone(), DateTimeOffset.UnixEpoch);

    private static Argon2idPasswordHasher Hasher(Argon2Cost? cost = null) =>
        new(Options.Create(new IdentityModuleOptions { PasswordCost = cost ?? Argon2Cost.Owasp }));

    [Fact]
    public void New_hashes_are_Argon2id_with_at_least_19_MiB_two_passes_one_lane_recorded_in_the_hash()
    {
        var hash = Hasher().HashPassword(Citizen(), "correct horse battery");
        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", hash, StringComparison.Ordinal);
        Assert.Equal(new Argon2Cost(19456, 2, 1), Argon2idPasswordHasher.CostOf(hash));
        Assert.Equal(PasswordVerificationResult.Success, Hasher().VerifyHashedPassword(Citizen(), hash, "correct horse battery"));
        Assert.Equal(PasswordVerificationResult.Failed, Hasher().VerifyHashedPassword(Citizen(), hash, "correct horse batterY"));
    }

    [Fact]
    public void A_weaker_Argon2_hash_or_an_Identity_PBKDF2_hash_verifies_and_asks_for_a_rehash()
    {
        var weak = Argon2idPasswordHasher.Hash("correct horse battery", new Argon2Cost(7 * 1024, 1, 1));
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Hasher().VerifyHashedPassword(Citizen(), weak, "correct horse battery"));
        var pbkdf2 = new PasswordHasher<Account>().HashPassword(Citizen(), "correct horse battery");
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, Hasher().VerifyHashedPassword(Citizen(), pbkdf2, "correct horse battery"));
        Assert.Equal(PasswordVerificationResult.Failed, Hasher().VerifyHashedPassword(Citizen(), pbkdf2, "wrong"));
    }

    [Fact]
    public void The_common_password_list_holds_at_least_ten_thousand_entries_and_is_case_insensitive()
    {
        Assert.True(CommonPasswordValidator.Count >= 10_000, $"{CommonPasswordValidator.Count} entries");
        Assert.True(CommonPasswordValidator.IsCommon("Woaini1314"));
        Assert.True(CommonPasswordValidator.IsCommon("123456789"));
        Assert.False(CommonPasswordValidator.IsCommon(People.Password));
    }

    [Fact]
    public void Ten_failures_lock_for_15_minutes_and_each_further_lock_doubles_up_to_a_day()
    {
        var account = Citizen();
        var now = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < 9; i++) Assert.Null(account.RecordFailedSignIn(now));
        Assert.Equal(now.AddMinutes(15), account.RecordFailedSignIn(now));
        Assert.True(account.IsLocked(now.AddMinutes(14)));
        Assert.False(account.IsLocked(now.AddMinutes(15)));

        now = now.AddMinutes(16);
        for (var i = 0; i < 9; i++) account.RecordFailedSignIn(now);
        Assert.Equal(now.AddMinutes(30), account.RecordFailedSignIn(now));
        for (var lockNo = 0; lockNo < 10; lockNo++)
            for (var i = 0; i < 10; i++) account.RecordFailedSignIn(now);
        Assert.Equal(now.AddHours(24), account.LockedUntil);

        account.RecordSignIn();
        Assert.Equal(0, account.Lockouts);
    }

    [Fact]
    public void An_ID_number_with_a_wrong_check_character_is_refused_on_the_id_number_field()
    {
        var id = People.NewIdNumber();
        var wrong = id[..17] + (id[17] == '0' ? '1' : '0');
        var error = Assert.Throws<Kernel.Errors.DomainException>(() => Account.RegisterCitizen(wrong, "测试", People.NewPhone(), DateTimeOffset.UnixEpoch));
        Assert.Contains(error.Errors, e => e.Code == "id_number.check" && e.Field == "id_number");
    }

    [Fact]
    public void A_session_ends_after_its_idle_timeout_and_when_ended()
    {
        var start = DateTimeOffset.UnixEpoch;
        var session = SignInSession.Start(Guid.NewGuid(), "test", TimeSpan.FromMinutes(15), start);
        Assert.True(session.IsOpen(start.AddMinutes(15)));
        Assert.False(session.IsOpen(start.AddMinutes(16)));
        session.Touch(start.AddMinutes(10));
        Assert.True(session.IsOpen(start.AddMinutes(24)));
        session.End(start.AddMinutes(11));
        Assert.False(session.IsOpen(start.AddMinutes(12)));
    }

    [Fact]
    public void A_one_time_code_is_good_once_expires_after_five_minutes_and_dies_after_five_wrong_guesses()
    {
        var now = DateTimeOffset.UnixEpoch;
        var (code, plain) = OneTimeCode.Issue(Guid.NewGuid(), CodePurpose.SignIn, now);
        Assert.Matches("^[0-9]{6}$", plain);
        Assert.False(code.TryUse(plain, now.AddMinutes(5)));
        Assert.True(code.TryUse(plain, now.AddMinutes(4)));
        Assert.False(code.TryUse(plain, now.AddMinutes(4)));

        var (guessed, right) = OneTimeCode.Issue(Guid.NewGuid(), CodePurpose.SignIn, now);
        var wrong = right == "000000" ? "111111" : "000000";
        for (var i = 0; i < OneTimeCode.MaxAttempts; i++) Assert.False(guessed.TryUse(wrong, now));
        Assert.False(guessed.TryUse(right, now));
    }
}
