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
/// together, one transaction for the lot (<see cref="GroupCommit{TItem, TWriter}"/>), on a connection held open with its two
/// statements made once; columns and value conversions come from the EF model, so the rows are those OpenIddict's
/// store would write.
/// </summary>
internal sealed class Redemptions(IServiceScopeFactory scopes) : IAsyncDisposable
{
    private const int MaxBatch = 200;
    private readonly GroupCommit<Redemption, Writer> _commits = new(
        async () => new Writer(await HeldConnection.OpenAsync<AccountsDbContext>(scopes)), (writer, batch) => writer.WriteAsync(batch), MaxBatch);

    /// <summary>One grant's writes. <see cref="Redeemed"/> says, once written, whether the presented token was still valid.</summary>
    public sealed class Redemption(Guid presented, DateTime at, IReadOnlyList<NewEntry> entries)
    {
        public Guid Presented { get; } = presented;
        public DateTime At { get; } = at;
        public IReadOnlyList<NewEntry> Entries { get; } = entries;
        public bool Redeemed { get; set; }
    }

    public sealed record NewEntry(OpenIddictEntityFrameworkCoreToken<Guid> Token, Guid Application, Guid Authorization);

    /// <summary>
    /// True if the presented token was redeemed and the new entries written; false if it was no longer valid (nothing
    /// written). Throws if the batch failed (rolled back: nothing written).
    /// </summary>
    public async Task<bool> RedeemAsync(Redemption redemption, CancellationToken cancellationToken)
    {
        await _commits.WriteAsync(redemption, cancellationToken);
        return redemption.Redeemed;
    }

    public ValueTask DisposeAsync() => _commits.DisposeAsync();

    private sealed class Writer : IAsyncDisposable
    {
        private const string ApplicationId = "ApplicationId", AuthorizationId = "AuthorizationId";
        private readonly HeldConnection<AccountsDbContext> _held;
        private readonly StoreTable _tokens;
        private readonly IProperty[] _redeemParameters;
        private readonly DbCommand _redeem;
        private readonly DbCommand _insert;

        public Writer(HeldConnection<AccountsDbContext> held)
        {
            _held = held;
            _tokens = StoreTable.Of<OpenIddictEntityFrameworkCoreToken<Guid>>(held.Db.Model);
            var (status, redemptionDate, concurrency, id) = (_tokens.Property(nameof(OpenIddictEntityFrameworkCoreToken.Status)),
                _tokens.Property(nameof(OpenIddictEntityFrameworkCoreToken.RedemptionDate)), _tokens.Property(nameof(OpenIddictEntityFrameworkCoreToken.ConcurrencyToken)),
                _tokens.Property(nameof(OpenIddictEntityFrameworkCoreToken.Id)));
            _redeemParameters = [status, redemptionDate, concurrency, id, status];
            _redeem = held.Command($"UPDATE {_tokens.Name} SET {_tokens.Column(status)} = @p0, {_tokens.Column(redemptionDate)} = @p1, " +
                $"{_tokens.Column(concurrency)} = @p2 WHERE {_tokens.Column(id)} = @p3 AND {_tokens.Column(status)} = @p4", _redeemParameters);
            _insert = held.Command(_tokens.InsertSql(), _tokens.Properties);
        }

        /// <summary>One transaction: every redemption, then the new entries of the grants redeemed (<see cref="HeldConnection{TContext}.RunAsync"/>).</summary>
        public async Task WriteAsync(List<Redemption> batch)
        {
            await using var transaction = await _held.Connection.BeginTransactionAsync();
            var redeemed = await _held.RunAsync(_redeem, transaction, [.. batch.Select(r =>
                _redeemParameters.ToProvider(Statuses.Redeemed, r.At, Guid.NewGuid().ToString(), r.Presented, Statuses.Valid))]);
            for (var i = 0; i < batch.Count; i++) batch[i].Redeemed = redeemed[i] == 1;
            await _held.RunAsync(_insert, transaction, [.. batch.Where(r => r.Redeemed).SelectMany(r => r.Entries).Select(e => _tokens.Row(e.Token, p => p.Name switch
            {
                ApplicationId => e.Application,
                AuthorizationId => e.Authorization,
                _ => throw new InvalidOperationException($"No value for the token entry's shadow property {p.Name}"),
            }))]);
            await transaction.CommitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await _redeem.DisposeAsync();
            await _insert.DisposeAsync();
            await _held.DisposeAsync();
        }
    }
}
