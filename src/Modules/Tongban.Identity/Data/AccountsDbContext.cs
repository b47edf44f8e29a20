using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpenIddict.EntityFrameworkCore.Models;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.PersonalData;

namespace Tongban.Identity.Data;

/// <summary>ASP.NET Core Identity's tables (renamed idn_accounts, idn_roles, …) plus enterprises, sessions and codes.</summary>
internal class AccountsDbContext(DbContextOptions options) : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options), IOutboxContext
{
    public const string Prefix = "idn";

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<SignInSession> Sessions => Set<SignInSession>();
    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<ProxyAuthorisation> ProxyAuthorisations => Set<ProxyAuthorisation>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();
    public DbSet<UpstreamSettings> UpstreamSettings => Set<UpstreamSettings>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.UseUtcTicksOnSqlite(Database);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Account>(e =>
        {
            e.ToTable("accounts");
            e.HasPersonalData(a => a.IdNumber, unique: true);
            e.HasPersonalData(a => a.PhoneNumber, unique: true);
            e.Property(a => a.Name).HasMaxLength(50);
            e.Property(a => a.DepartmentCode).HasMaxLength(18);
            e.Property(a => a.StationKey).HasMaxLength(60);
            e.Property(a => a.VerifiedBy).HasMaxLength(100);
            e.Property(a => a.DivisionScope).HasJsonConversion();
            e.Property(a => a.DeactivatedBy).HasMaxLength(200);
            e.Ignore(a => a.MaskedIdNumber);
            e.Ignore(a => a.IsActive);
        });
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("account_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("account_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("account_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("account_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        builder.Entity<Enterprise>(e =>
        {
            e.ToTable("enterprises");
            e.Property(x => x.CreditCode).HasMaxLength(18);
            // One verified holder per credit code; pending and revoked claims may be many (the filter names the column: 2 = Verified).
            e.HasIndex(x => x.CreditCode, "ux_idn_enterprises_verified_credit_code").IsUnique().HasFilter($"status = {(int)EnterpriseStatus.Verified}");
            e.HasIndex(x => new { x.CreditCode, x.Status });
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => x.RepresentativeId);
            e.Property(x => x.Agents).HasJsonConversion();
            e.Property(x => x.VerifiedBy).HasMaxLength(200);
            e.Property(x => x.RevokedBy).HasMaxLength(200);
            e.Property(x => x.RevokedReason).HasMaxLength(200);
        });
        builder.Entity<SignInSession>(e =>
        {
            e.ToTable("sessions");
            e.HasIndex(s => s.AccountId);
            e.Property(s => s.UserAgent).HasMaxLength(200);
            e.Property(s => s.Device).HasMaxLength(64);
            e.Property(s => s.Network).HasMaxLength(50);
        });
        builder.Entity<RecoveryCode>(e =>
        {
            e.ToTable("recovery_codes");
            e.HasIndex(c => c.AccountId);
            e.Property(c => c.Hash).HasMaxLength(200);
        });
        builder.Entity<OneTimeCode>(e =>
        {
            e.ToTable("one_time_codes");
            e.HasIndex(c => new { c.AccountId, c.Purpose });
            e.Property(c => c.Hash).HasMaxLength(64);
        });
        builder.Entity<ProxyAuthorisation>(e =>
        {
            e.ToTable("proxy_authorisations");
            e.HasIndex(p => p.PrincipalId);
            e.HasIndex(p => p.AgentId);
            e.Property(p => p.ItemCodes).HasJsonConversion();
            e.Property(p => p.RevokedBy).HasMaxLength(200);
            e.Property(p => p.Basis).HasMaxLength(ProxyAuthorisation.BasisMax);
            e.Property(p => p.GrantedBy).HasMaxLength(120);
        });
        builder.Entity<ServerKey>(e =>
        {
            e.ToTable("oidc_keys");
            e.HasIndex(k => new { k.Use, k.CreatedAt });
            e.Ignore(k => k.KeyId);
        });
        builder.Entity<UpstreamSettings>(e =>
        {
            e.ToTable("upstream_settings");
            e.Property(u => u.Id).ValueGeneratedNever();
            e.Property(u => u.Issuer).HasMaxLength(400);
            e.Property(u => u.ClientId).HasMaxLength(200);
            e.Property(u => u.Scopes).HasJsonConversion();
            e.Property(u => u.LevelMap).HasJsonConversion();
            e.Property(u => u.UpdatedBy).HasMaxLength(200);
        });
        MapOpenIddict(builder);
        builder.MapOutbox();
        builder.PrefixTables(Prefix);
        builder.SealPersonalData(this);
    }

    /// <summary>OpenIddict's applications, authorizations, scopes and tokens, as idn_oidc_* tables.</summary>
    private static void MapOpenIddict(ModelBuilder builder)
    {
        builder.UseOpenIddict<Guid>();
        builder.Entity<OpenIddictEntityFrameworkCoreApplication<Guid>>().ToTable("oidc_applications");
        builder.Entity<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().ToTable("oidc_authorizations");
        builder.Entity<OpenIddictEntityFrameworkCoreScope<Guid>>().ToTable("oidc_scopes");
        builder.Entity<OpenIddictEntityFrameworkCoreToken<Guid>>().ToTable("oidc_tokens");
    }
}

internal sealed class IdentitySqliteContext(DbContextOptions<IdentitySqliteContext> options) : AccountsDbContext(options);

internal sealed class IdentityPostgresContext(DbContextOptions<IdentityPostgresContext> options) : AccountsDbContext(options);

internal sealed class IdentitySqliteDesignFactory : IDesignTimeDbContextFactory<IdentitySqliteContext>
{
    public IdentitySqliteContext CreateDbContext(string[] args) =>
        DesignTime.Sqlite<IdentitySqliteContext>(AccountsDbContext.Prefix, o => new(o));
}

internal sealed class IdentityPostgresDesignFactory : IDesignTimeDbContextFactory<IdentityPostgresContext>
{
    public IdentityPostgresContext CreateDbContext(string[] args) =>
        DesignTime.Postgres<IdentityPostgresContext>(AccountsDbContext.Prefix, o => new(o));
}
