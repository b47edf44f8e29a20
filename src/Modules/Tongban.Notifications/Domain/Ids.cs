using Tongban.Kernel.Data;

namespace Tongban.Notifications.Domain;

internal readonly record struct MessageId(Guid Value) : IEntityId<MessageId>
{
    public static MessageId New() => new(Guid.CreateVersion7());
    public static MessageId From(Guid value) => new(value);
}

internal readonly record struct DeliveryId(Guid Value) : IEntityId<DeliveryId>
{
    public static DeliveryId New() => new(Guid.CreateVersion7());
    public static DeliveryId From(Guid value) => new(value);
}
