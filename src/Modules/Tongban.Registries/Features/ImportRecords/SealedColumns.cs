using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Tongban.Kernel.Data;
using Tongban.Kernel.PersonalData;

namespace Tongban.Registries.Features.ImportRecords;

/// <summary>
/// The columns of a registry that the EF model seals at rest (<see cref="PersonalDataModel.HasPersonalData"/>: ID
/// numbers), for the import, which writes past EF Core: each such value is stored sealed, with its blind index in the
/// index column after the record's columns. The content hash sees the index in place of the clear value, so neither the
/// hash nor the index lets a copy of the database test a guessed ID number. A registry keyed by a sealed column (the
/// population) is matched on the index: the staging table, the current versions and the close of a changed version
/// all key on it.
/// </summary>
internal sealed class SealedColumns
{
    private readonly PersonalDataProtector? _protector;
    private readonly int[] _at;

    private SealedColumns(PersonalDataProtector? protector, int[] at, IReadOnlyList<string> indexColumns) =>
        (_protector, _at, IndexColumns) = (protector, at, indexColumns);

    public static readonly SealedColumns None = new(null, [], []);

    /// <summary>The sealed columns of <paramref name="format"/>'s table as <paramref name="model"/> maps them.</summary>
    public static SealedColumns Of(IModel model, RecordFormat format, PersonalDataProtector protector)
    {
        var table = StoreTable.Of(model.GetEntityTypes().Single(e => e.GetTableName() == format.Table));
        var sealedProperties = table.Properties.Where(PersonalDataModel.IsPersonalData).ToDictionary(table.Column);
        var at = Enumerable.Range(0, format.Columns.Count).Where(i => sealedProperties.ContainsKey(format.Columns[i].Column)).ToArray();
        if (at.Length != sealedProperties.Count)
            throw new InvalidOperationException($"{format.Table}: a sealed column is not among the import's columns.");
        var indexes = at.Select(i => table.Column(sealedProperties[format.Columns[i].Column].Name + PersonalDataModel.IndexSuffix)).ToList();
        return new(protector, at, indexes);
    }

    public int Count => _at.Length;

    /// <summary>The blind-index columns, in the order their values follow the record's columns in a row.</summary>
    public IReadOnlyList<string> IndexColumns { get; }

    /// <summary>Whether the key (the first column) is sealed, so that records are matched on its index.</summary>
    public bool SealsKey => _at.Length > 0 && _at[0] == 0;

    /// <summary>
    /// Puts each sealed value's blind index in its slot after the <paramref name="columns"/> and in the value's own place
    /// (for the content hash), and returns the clear values for <see cref="Seal"/>.
    /// </summary>
    public string?[] Index(object?[] values, int columns)
    {
        if (_at.Length == 0) return [];
        var clear = new string?[_at.Length];
        for (var k = 0; k < _at.Length; k++)
        {
            clear[k] = values[_at[k]] as string;
            values[columns + k] = values[_at[k]] = clear[k] is { } value ? _protector!.Index(value) : null;
        }
        return clear;
    }

    /// <summary>Replaces each sealed column's value (its index, after <see cref="Index"/>) by the sealed clear value.</summary>
    public void Seal(object?[] values, string?[] clear)
    {
        for (var k = 0; k < _at.Length; k++) values[_at[k]] = clear[k] is { } value ? _protector!.Seal(value) : null;
    }

    /// <summary>A blind index (Base64 of 128 bits) as a number: millions of current keys fit in memory that way.</summary>
    public static UInt128 Number(string index)
    {
        Span<byte> bytes = stackalloc byte[18];
        return Convert.TryFromBase64String(index, bytes, out var written) && written == 16
            ? BinaryPrimitives.ReadUInt128LittleEndian(bytes)
            : throw new InvalidOperationException("A blind index is not 128 bits in Base64.");
    }
}
