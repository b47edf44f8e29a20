using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Tongban.Kernel.Data;

/// <summary>
/// An entity's table and column names as the EF model maps them (prefix, snake case), for the few statements written by
/// hand on hot paths, so they name exactly what EF Core would.
/// </summary>
public sealed class StoreTable
{
    private readonly StoreObjectIdentifier _id;

    private StoreTable(IEntityType entity)
    {
        Entity = entity;
        Properties = [.. entity.GetProperties()];
        _id = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
    }

    public static StoreTable Of<TEntity>(IModel model) => new(model.FindEntityType(typeof(TEntity))!);

    public static StoreTable Of(IEntityType entity) => new(entity);

    public IEntityType Entity { get; }

    public string Name => _id.Name;

    public string Column(IProperty property) => property.GetColumnName(_id)!;

    public string Column(string propertyName) => Column(Property(propertyName));

    public IProperty Property(string name) => Entity.FindProperty(name)!;

    /// <summary>Every mapped property, in model order: the columns of a whole row.</summary>
    public IReadOnlyList<IProperty> Properties { get; }

    /// <summary>An INSERT of a whole row, <see cref="Properties"/> bound to <c>@p0</c>, <c>@p1</c>, … in order.</summary>
    public string InsertSql() => $"INSERT INTO {Name} ({string.Join(", ", Properties.Select(Column))}) " +
        $"VALUES ({string.Join(", ", Properties.Select((_, i) => HeldConnection.Parameter(i)))})";

    /// <summary>
    /// The values of a whole row of <paramref name="entity"/> as the provider stores them, in <see cref="Properties"/>
    /// order; a shadow property's value comes from <paramref name="shadow"/>.
    /// </summary>
    public object?[] Row(object entity, Func<IProperty, object?>? shadow = null) =>
        [.. Properties.Select(p => p.ToProvider(p.PropertyInfo is { } info ? info.GetValue(entity) : shadow!(p)))];
}
