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

        /// <summary>
        /// One transaction. In process (SQLite) each grant's statements run in turn; where the provider sends many
        /// statements in one round trip (PostgreSQL), all the redemptions go in one, then all the new entries of the
        /// grants redeemed, so a batch costs two round trips however many grants it holds.
        /// </summary>
        public async Task WriteAsync(List<Redemption> batch)
        {
            await using var transaction = await _held.Connection.BeginTransactionAsync();
            if (_held.Connection.CanCreateBatch)
            {
                await using var redeem = _held.Connection.CreateBatch();
                redeem.Transaction = transaction;
                var statements = batch.Select(r => redeem.Add(_redeem, Values(_redeemParameters, RedeemValues(r)))).ToArray();
                await redeem.ExecuteNonQueryAsync();
                await using var insert = _held.Connection.CreateBatch();
                insert.Transaction = transaction;
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Redeemed = statements[i].RecordsAffected == 1;
                    if (batch[i].Redeemed)
                        foreach (var entry in batch[i].Entries) insert.Add(_insert, Values(_columns, InsertValues(entry)));
                }
                if (insert.BatchCommands.Count > 0) await insert.ExecuteNonQueryAsync();
            }
            else
            {
                (_redeem.Transaction, _insert.Transaction) = (transaction, transaction);
                foreach (var redemption in batch)
                {
                    Bind(_redeem, Values(_redeemParameters, RedeemValues(redemption)));
                    redemption.Redeemed = await _redeem.ExecuteNonQueryAsync() == 1;
                    if (!redemption.Redeemed) continue;
                    foreach (var entry in redemption.Entries)
                    {
                        Bind(_insert, Values(_columns, InsertValues(entry)));
                        await _insert.ExecuteNonQueryAsync();
                    }
                }
            }
            await transaction.CommitAsync();
        }

        private static object?[] RedeemValues(Redemption redemption) =>
            [Statuses.Redeemed, redemption.At, Guid.NewGuid().ToString(), redemption.Presented, Statuses.Valid];

        private object?[] InsertValues(NewEntry entry) => [.. _columns.Select(c => c.Name switch
        {
            ApplicationId => entry.Application,
            AuthorizationId => entry.Authorization,
            _ => c.PropertyInfo!.GetValue(entry.Token),
        })];

        /// <summary>The values as the provider stores them for the properties they go to.</summary>
        private static object?[] Values(IProperty[] properties, object?[] values)
        {
            for (var i = 0; i < values.Length; i++) values[i] = properties[i].ToProvider(values[i]);
            return values;
        }

        private static void Bind(DbCommand command, object?[] values)
        {
            for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        public async ValueTask DisposeAsync()
        {
            await _redeem.DisposeAsync();
            await _insert.DisposeAsync();
            await _held.DisposeAsync();
        }
    }
}
