using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Tongban.Kernel.Data;

/// <summary>A strongly typed id: a Guid (version 7, so it sorts by creation) that cannot be mixed up with another kind.</summary>
public interface IEntityId<TSelf> where TSelf : struct, IEntityId<TSelf>
{
    Guid Value { get; }

    static abstract TSelf From(Guid value);
}

internal sealed class EntityIdConverter<TId>() : ValueConverter<TId, Guid>(id => id.Value, value => Create(value))
    where TId : struct, IEntityId<TId>
{
    // Expression trees cannot call a static abstract member directly.
    private static TId Create(Guid value) => TId.From(value);
}

public static class EntityIdConventions
{
    /// <summary>Maps every <see cref="IEntityId{TSelf}"/> in the context's assembly to a Guid column.</summary>
    public static void AddEntityIds(this ModelConfigurationBuilder builder, System.Reflection.Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            if (!type.IsValueType || !type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityId<>)))
                continue;
            builder.Properties(type).HaveConversion(typeof(EntityIdConverter<>).MakeGenericType(type));
        }
    }
}
