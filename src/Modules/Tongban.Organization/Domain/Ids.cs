using Tongban.Kernel.Data;

namespace Tongban.Organization.Domain;

internal readonly record struct DepartmentId(Guid Value) : IEntityId<DepartmentId>
{
    public static DepartmentId New() => new(Guid.CreateVersion7());
    public static DepartmentId From(Guid value) => new(value);
}

internal readonly record struct HallId(Guid Value) : IEntityId<HallId>
{
    public static HallId New() => new(Guid.CreateVersion7());
    public static HallId From(Guid value) => new(value);
}

internal readonly record struct WindowId(Guid Value) : IEntityId<WindowId>
{
    public static WindowId New() => new(Guid.CreateVersion7());
    public static WindowId From(Guid value) => new(value);
}

internal readonly record struct StationId(Guid Value) : IEntityId<StationId>
{
    public static StationId New() => new(Guid.CreateVersion7());
    public static StationId From(Guid value) => new(value);
}
