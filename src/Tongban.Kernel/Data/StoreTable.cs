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
        _id = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
    }

    public static StoreTable Of<TEntity>(IModel model) => new(model.FindEntityType(typeof(TEntity))!);

    public IEntityType Entity { get; }

    public string Name => _id.Name;

    public string Column(IProperty property) => property.GetColumnName(_id)!;

    public string Column(string propertyName) => Column(Entity.FindProperty(propertyName)!);
}
