using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Kernel.PersonalData;
using Tongban.Registries.Contracts;
using Tongban.Registries.Data;
using Tongban.Registries.Domain;

namespace Tongban.Registries.Features.ReadRecords;

/// <summary>
/// The current version of a record by its key: the look-up behind every exchange call, verification and fact. It runs
/// on connections kept open for it, each with its four statements (one per registry) made once: a statement run again
/// keeps its compiled form, so a look-up binds its key and runs, where EF Core would open a pooled connection, parse and
/// plan the SELECT and close again — a third of an exchange call's CPU. Columns, value conversions and the entity each
/// row becomes come from the EF model, so a record reads exactly as EF Core would read it (a sealed column opened by its
/// converter). A key sealed at rest (an ID number) is found by its blind index: one HMAC per look-up, bound to the
/// index column's parameter.
/// </summary>
internal sealed class CurrentRecords(IServiceScopeFactory scopes, PersonalDataProtector protector) : IAsyncDisposable
{
    private readonly ConcurrentBag<Session> _idle = [];

    public async Task<List<Dictionary<string, object?>>> ReadAsync(RegistryKind kind, string key, CancellationToken cancellationToken)
    {
        var session = _idle.TryTake(out var idle) ? idle : await Session.OpenAsync(scopes, protector);
        List<Dictionary<string, object?>> found;
        try
        {
            found = await session.ReadAsync(kind, key, cancellationToken);
        }
        catch
        {
            // A connection that failed is not trusted again: the next look-up opens a new one.
            await session.DisposeAsync();
            throw;
        }
        // Sessions are as many as look-ups ever ran at once; beyond a few per core, close the extra ones.
        if (_idle.Count < Environment.ProcessorCount * 4) _idle.Add(session);
        else await session.DisposeAsync();
        if (kind == RegistryKind.CreditLists) found.Sort((a, b) => ((DateOnly)a["listedOn"]!).CompareTo((DateOnly)b["listedOn"]!));
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var session)) await session.DisposeAsync();
    }

    /// <summary>One open connection and the look-ups made on it.</summary>
    private sealed class Session(HeldConnection<RegistriesDbContext> held, PersonalDataProtector protector) : IAsyncDisposable
    {
        private readonly Dictionary<RegistryKind, (DbCommand Command, RowReader Rows, bool Sealed)> _lookups = [];

        public static async Task<Session> OpenAsync(IServiceScopeFactory scopes, PersonalDataProtector protector) =>
            new(await HeldConnection.OpenAsync<RegistriesDbContext>(scopes), protector);

        public async Task<List<Dictionary<string, object?>>> ReadAsync(RegistryKind kind, string key, CancellationToken cancellationToken)
        {
            if (!_lookups.TryGetValue(kind, out var lookup)) _lookups[kind] = lookup = Prepare(kind);
            lookup.Command.Parameters[0].Value = lookup.Sealed ? protector.Index(key) : key;
            var found = new List<Dictionary<string, object?>>(1);
            await using var reader = await lookup.Command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) found.Add(lookup.Rows.Fields(reader));
            return found;
        }

        private (DbCommand, RowReader, bool) Prepare(RegistryKind kind) => kind switch
        {
            RegistryKind.Population => Prepare<Person>(nameof(Person.IdNumber), RegistryShapes.Fields),
            RegistryKind.LegalEntities => Prepare<LegalEntity>(nameof(LegalEntity.CreditCode), RegistryShapes.Fields),
            RegistryKind.Geospatial => Prepare<GeoFeature>(nameof(GeoFeature.Code), RegistryShapes.Fields),
            _ => Prepare<CreditEntry>(nameof(CreditEntry.SubjectCode), RegistryShapes.Fields),
        };

        private (DbCommand, RowReader, bool) Prepare<T>(string keyProperty, Func<T, Dictionary<string, object?>> fields) where T : RegistryRecord
        {
            var table = StoreTable.Of<T>(held.Db.Model);
            // The entity's own properties: the blind indexes are shadow columns, for finding a row, not for reading it.
            var properties = table.Properties.Where(p => p.PropertyInfo is not null).ToList();
            var isSealed = PersonalDataModel.IsPersonalData(table.Property(keyProperty));
            var key = table.Property(isSealed ? keyProperty + PersonalDataModel.IndexSuffix : keyProperty);
            var command = held.Command($"SELECT {string.Join(", ", properties.Select(table.Column))} FROM {table.Name} " +
                $"WHERE {table.Column(key)} = @p0 AND {table.Column(nameof(RegistryRecord.ValidTo))} IS NULL", [key]);
            return (command, new RowReader<T>(properties, fields), isSealed);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var (command, _, _) in _lookups.Values) await command.DisposeAsync();
            await held.DisposeAsync();
        }
    }

    private abstract class RowReader
    {
        public abstract Dictionary<string, object?> Fields(DbDataReader reader);
    }

    /// <summary>Makes a <typeparamref name="T"/> of a row whose columns are the entity's properties in model order.</summary>
    private sealed class RowReader<T>(IReadOnlyList<IProperty> properties, Func<T, Dictionary<string, object?>> fields) : RowReader where T : RegistryRecord
    {
        private readonly (PropertyInfo Property, Func<DbDataReader, int, object?> Read, Func<object?, object?>? Convert)[] _columns =
            [.. properties.Select(p => (p.PropertyInfo!, Reader(p.GetTypeMapping()), p.GetTypeMapping().Converter?.ConvertFromProvider))];

        public override Dictionary<string, object?> Fields(DbDataReader reader)
        {
            // Required members are set from the row below, like every other property.
            var record = Activator.CreateInstance<T>();
            for (var i = 0; i < _columns.Length; i++)
            {
                var (property, read, convert) = _columns[i];
                var value = read(reader, i);
                property.SetValue(record, value is not null && convert is not null ? convert(value) : value);
            }
            return fields(record);
        }

        private static Func<DbDataReader, int, object?> Reader(CoreTypeMapping mapping) =>
            typeof(RowReader<T>).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(mapping.Converter?.ProviderClrType ?? mapping.ClrType)
                .CreateDelegate<Func<DbDataReader, int, object?>>();

        private static object? Read<TValue>(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<TValue>(ordinal);
    }
}
