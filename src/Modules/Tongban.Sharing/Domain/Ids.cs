using Tongban.Kernel.Data;

namespace Tongban.Sharing.Domain;

internal readonly record struct ResourceId(Guid Value) : IEntityId<ResourceId>
{
    public static ResourceId New() => new(Guid.CreateVersion7());
    public static ResourceId From(Guid value) => new(value);
}

internal readonly record struct RequestId(Guid Value) : IEntityId<RequestId>
{
    public static RequestId New() => new(Guid.CreateVersion7());
    public static RequestId From(Guid value) => new(value);
}

internal readonly record struct GrantId(Guid Value) : IEntityId<GrantId>
{
    public static GrantId New() => new(Guid.CreateVersion7());
    public static GrantId From(Guid value) => new(value);
}
