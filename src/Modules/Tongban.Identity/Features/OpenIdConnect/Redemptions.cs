using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.EntityFrameworkCore.Models;
using Tongban.Identity.Data;
using Tongban.Kernel.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// What a lean refresh grant writes (<see cref="RefreshGrants"/>): the presented token's entry redeemed, only if it is
/// still valid, and, only then, the entries of the new access and refresh tokens. Grants arriving together are written
/// together, one transaction for the lot (<see cref="GroupCommit{TItem}"/>), on a connection held open with its two
/// statements made once; columns and value conversions come from the EF model, so the rows are those OpenIddict's
/// store would write.
/// </summary>
internal sealed class Redemptions : IAsyncDisposable
{
    private const int MaxBatch = 200;
    private readonly IServiceScopeFactory _scopes;
    private readonly GroupCommit<Redemption> _commits;
    private Writer? _writer;

    public Redemptions(IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _commits = new GroupCommit<Redemption>(WriteAsync, MaxBatch);
    }

    /// <summary>One grant's writes. <see cref="Redeemed"/> says, once written, whether the presented token was still valid.</summary>
    public sealed class Redemption(Guid presented, DateTime at, IReadOnlyList<NewEntry> entries)
    {
        public Guid Presented { get; } = presented;
        public DateTime At { get; } = at;
        public IReadOnlyList<NewEntry> Entries { get; } = entries;
        public bool Redeemed { get; set; }
    }

    public sealed record NewEntry(OpenIddictEntityFrameworkCoreToken<Guid> Token, Guid Application, Guid Authorization);

    /// <summary>True if the presented token was redeemed and the new entries written; false if it was no longer valid (nothing written).</summary>
    public async Task<bool> RedeemAsync(Redemption redemption, CancellationToken cancellationToken)
    {
        await _commits.WriteAsync(redemption, cancellationToken);
        return redemption.Redeemed;
    }

    /// <summary>A failed batch closes the writer's connection (a broken one is not reused); the next batch opens another.</summary>
    private async Task WriteAsync(List<Redemption> batch)
    {
        _writer ??= new Writer(await HeldConnection.OpenAsync<AccountsDbContext>(_scopes));
        try
        {
            await _writer.WriteAsync(batch);
        }
        catch
        {
            foreach (var redemption in batch) redemption.Redeemed = false;
            await _writer.DisposeAsync();
            _writer = null;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is { } writer) await writer.DisposeAsync();
    }

    private sealed class Writer : IAsyncDisposable
    {
        private const string ApplicationId = "ApplicationId", AuthorizationId = "AuthorizationId";
        private readonly HeldConnection<AccountsDbContext> _held;
        private readonly IProperty[] _redeemParameters;
        private readonly IProperty[] _columns;
        private readonly DbCommand _redeem;
        private readonly DbCommand _insert;

        public Writer(HeldConnection<AccountsDbContext> held)
        {
            _held = held;
            var tokens = StoreTable.Of<OpenIddictEntityFrameworkCoreToken<Guid>>(held.Db.Model);
            IProperty Property(string name) => tokens.Entity.FindProperty(name)!;
            var (status, redemptionDate, concurrency, id) = (Property(nameof(OpenIddictEntityFrameworkCoreToken.Status)),
                Property(nameof(OpenIddictEntityFrameworkCoreToken.RedemptionDate)), Property(nameof(OpenIddictEntityFrameworkCoreToken.ConcurrencyToken)),
                Property(nameof(OpenIddictEntityFrameworkCoreToken.Id)));
            _redeemParameters = [status, redemptionDate, concurrency, id, status];
            _redeem = held.Command($"UPDATE {tokens.Name} SET {tokens.Column(status)} = @p0, {tokens.Column(redemptionDate)} = @p1, " +
                $"{tokens.Column(concurrency)} = @p2 WHERE {tokens.Column(id)} = @p3 AND {tokens.Column(status)} = @p4", _redeemParameters);
            _columns = [.. tokens.Entity.GetProperties()];
            _insert = held.Command($"INSERT INTO {tokens.Name} ({string.Join(", ", _columns.Select(tokens.Column))}) " +
                $"VALUES ({string.Join(", ", _columns.Select((_, i) => HeldConnection.Parameter(i)))})", _columns);
        }

        public async Task WriteAsync(List<Redemption> batch)
        {
            await using var transaction = await _held.Connection.BeginTransactionAsync();
            (_redeem.Transaction, _insert.Transaction) = (transaction, transaction);
            foreach (var redemption in batch)
            {
                Bind(_redeem, _redeemParameters, [Statuses.Redeemed, redemption.At, Guid.NewGuid().ToString(), redemption.Presented, Statuses.Valid]);
                redemption.Redeemed = await _redeem.ExecuteNonQueryAsync() == 1;
                if (!redemption.Redeemed) continue;
                foreach (var entry in redemption.Entries)
                {
                    Bind(_insert, _columns, [.. _columns.Select(c => c.Name switch
                    {
                        ApplicationId => entry.Application,
                        AuthorizationId => entry.Authorization,
                        _ => c.PropertyInfo!.GetValue(entry.Token),
                    })]);
                    await _insert.ExecuteNonQueryAsync();
                }
            }
            await transaction.CommitAsync();
        }

        private static void Bind(DbCommand command, IProperty[] properties, object?[] values)
        {
            for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = properties[i].ToProvider(values[i]) ?? DBNull.Value;
        }

        public async ValueTask DisposeAsync()
        {
            await _redeem.DisposeAsync();
            await _insert.DisposeAsync();
            await _held.DisposeAsync();
        }
    }
}
