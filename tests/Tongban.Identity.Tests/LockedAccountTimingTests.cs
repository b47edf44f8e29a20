using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Identity.Data;
using Tongban.Identity.Passwords;

namespace Tongban.Identity.Tests;

/// <summary>
/// A locked account answers no faster than a wrong password: the password hash (the slow part, ~50 ms of Argon2id) is
/// checked whatever the lock says. Proved by counting hash checks, not by a stopwatch.
/// </summary>
public sealed class LockedAccountTimingTests
{
    private sealed class Counter
    {
        public int Verifications;
    }

    private sealed class CountingHasher(Argon2idPasswordHasher inner, Counter counter) : IPasswordHasher<Account>
    {
        public string HashPassword(Account user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref counter.Verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Theory, DatabaseLanes]
    public async Task A_locked_account_checks_the_password_hash_as_a_wrong_password_does(DatabaseLane lane)
    {
        var counter = new Counter();
        await using var database = await TestDatabase.CreateAsync(lane);
        await using var app = new TongbanApp(database, new Dictionary<string, string?> { ["Region:SeedDemoWhenEmpty"] = "false" }, services =>
        {
            services.AddScoped<Argon2idPasswordHasher>();
            services.AddScoped<IPasswordHasher<Account>>(sp => new CountingHasher(sp.GetRequiredService<Argon2idPasswordHasher>(), counter));
        });
        var (id, _, _) = await app.RegisterAsync();
        var client = app.Browser();
        for (var i = 0; i < 10; i++)
            using (await client.PasswordSignInAsync(id, "Wrong-Password-" + i)) { }

        Interlocked.Exchange(ref counter.Verifications, 0);
        using var wrong = await client.PasswordSignInAsync(id, "Wrong-Password-x");
        var wrongChecks = Interlocked.Exchange(ref counter.Verifications, 0);
        using var right = await client.PasswordSignInAsync(id, People.Password);
        var rightChecks = Interlocked.Exchange(ref counter.Verifications, 0);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, right.StatusCode); // locked: the right password is refused too
        Assert.Equal(1, wrongChecks);
        Assert.Equal(1, rightChecks);
    }
}
