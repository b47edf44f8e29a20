using Tongban.Kernel.Data;

namespace Tongban.Halls.Domain;

internal readonly record struct CategoryId(Guid Value) : IEntityId<CategoryId>
{
    public static CategoryId New() => new(Guid.CreateVersion7());
    public static CategoryId From(Guid value) => new(value);
}

internal readonly record struct TicketId(Guid Value) : IEntityId<TicketId>
{
    public static TicketId New() => new(Guid.CreateVersion7());
    public static TicketId From(Guid value) => new(value);
}

internal readonly record struct AppointmentId(Guid Value) : IEntityId<AppointmentId>
{
    public static AppointmentId New() => new(Guid.CreateVersion7());
    public static AppointmentId From(Guid value) => new(value);
}

internal readonly record struct AgencyRequestId(Guid Value) : IEntityId<AgencyRequestId>
{
    public static AgencyRequestId New() => new(Guid.CreateVersion7());
    public static AgencyRequestId From(Guid value) => new(value);
}
