using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Tongban.Kernel.PersonalData;

/// <summary>
/// The one way a column holds personal data: <see cref="HasPersonalData"/> marks the property, gives it a blind-index
/// shadow column (<c>{Property}Index</c>, indexed, unique when the value is) and, once the model is finished
/// (<see cref="SealPersonalData"/>), a value converter that seals on write and opens on read. The index is filled on
/// save (<see cref="PersonalDataIndexer"/>); look-ups go through <see cref="WhereMatches"/>, because a sealed column
/// never equals a sealed parameter (every seal takes a fresh nonce).
/// </summary>
public static class PersonalDataModel
{
    public const string Annotation = "Tongban:PersonalData";
    public const string IndexSuffix = "Index";

    /// <summary>Sealed values are longer than the clear ones (prefix, nonce, tag, Base64): room for 60 clear characters.</summary>
    private const int SealedLength = 140;

    /// <summary>
    /// Marks <paramref name="property"/> as personal data and returns the name of its blind-index property. Without
    /// <paramref name="indexed"/> the caller indexes the blind index itself (in a composite index that begins with it).
    /// A <paramref name="document"/> (a signed text that carries personal data inside) has no length limit.
    /// </summary>
    public static string HasPersonalData<T>(this EntityTypeBuilder<T> entity, Expression<Func<T, string?>> property, bool unique = false, bool indexed = true,
        bool document = false) where T : class
    {
        var name = ((MemberExpression)property.Body).Member.Name;
        var column = entity.Property(property).HasAnnotation(Annotation, true);
        if (!document) column.HasMaxLength(SealedLength);
        var index = name + IndexSuffix;
        entity.Property<string?>(index).HasMaxLength(24);
        if (indexed) entity.HasIndex(index).IsUnique(unique);
        return index;
    }

    /// <summary>
    /// Gives every personal-data property its converter, under the protector of <paramref name="context"/>'s options
    /// (<see cref="UsePersonalData"/>). The last call of a context's <c>OnModelCreating</c>. A context made without one
    /// (the design-time factories) gets a converter that refuses, so a migration never sees a key.
    /// </summary>
    public static void SealPersonalData(this ModelBuilder builder, DbContext context)
    {
        var protector = context.GetService<IDbContextOptions>().FindExtension<PersonalDataOptionsExtension>()?.Protector;
        var converter = protector is null
            ? new ValueConverter<string, string>(v => Unavailable(v), v => Unavailable(v))
            : new ValueConverter<string, string>(v => protector.Seal(v), v => protector.Open(v));
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).Where(IsPersonalData))
            property.SetValueConverter(converter);
    }

    public static bool IsPersonalData(IReadOnlyProperty property) => property.FindAnnotation(Annotation)?.Value is true;

    /// <summary>The rows whose <paramref name="property"/> equals <paramref name="value"/>, found by its blind index.</summary>
    public static IQueryable<T> WhereMatches<T>(this DbSet<T> set, Expression<Func<T, string?>> property, string? value) where T : class =>
        set.WhereMatches(set.GetService<ICurrentDbContext>().Context, property, value);

    /// <summary>The rows of <paramref name="query"/> (over <paramref name="context"/>) whose <paramref name="property"/> equals <paramref name="value"/>.</summary>
    public static IQueryable<T> WhereMatches<T>(this IQueryable<T> query, DbContext context, Expression<Func<T, string?>> property, string? value) where T : class
    {
        var index = new IndexValue(value is null ? null : ProtectorOf(context).Index(value));
        var (row, column) = IndexColumn(property);
        var parameter = Expression.Property(Expression.Constant(index), nameof(IndexValue.Value));
        return query.Where(Expression.Lambda<Func<T, bool>>(Expression.Equal(column, parameter), row));
    }

    /// <summary>The rows whose <paramref name="property"/> equals one of <paramref name="values"/> (a holder's own and enterprises' codes).</summary>
    public static IQueryable<T> WhereMatchesAny<T>(this IQueryable<T> query, DbContext context, Expression<Func<T, string?>> property, IEnumerable<string> values) where T : class
    {
        var protector = ProtectorOf(context);
        var indexes = new IndexValues([.. values.Select(protector.Index)]);
        var (row, column) = IndexColumn(property);
        var list = Expression.Property(Expression.Constant(indexes), nameof(IndexValues.Values));
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], list, column);
        return query.Where(Expression.Lambda<Func<T, bool>>(contains, row));
    }

    private static (ParameterExpression Row, Expression Column) IndexColumn<T>(Expression<Func<T, string?>> property)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var name = ((MemberExpression)property.Body).Member.Name + IndexSuffix;
        return (row, Expression.Call(typeof(EF), nameof(EF.Property), [typeof(string)], row, Expression.Constant(name)));
    }

    public static PersonalDataProtector ProtectorOf(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<PersonalDataOptionsExtension>()?.Protector
        ?? throw new InvalidOperationException($"{context.GetType().Name} was made without personal-data keys (UsePersonalData).");

    private static string Unavailable(string value) =>
        throw new InvalidOperationException("Personal data cannot be sealed or opened by a context made without keys (a design-time context).");

    /// <summary>A closure EF Core turns into a query parameter, so the query's plan is cached once for every value.</summary>
    private sealed record IndexValue(string? Value);

    private sealed record IndexValues(List<string> Values);
}
