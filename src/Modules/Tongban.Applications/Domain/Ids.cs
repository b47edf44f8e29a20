using Tongban.Kernel.Data;

namespace Tongban.Applications.Domain;

internal readonly record struct CaseId(Guid Value) : IEntityId<CaseId>
{
    public static CaseId New() => new(Guid.CreateVersion7());
    public static CaseId From(Guid value) => new(value);
}

internal readonly record struct DraftId(Guid Value) : IEntityId<DraftId>
{
    public static DraftId New() => new(Guid.CreateVersion7());
    public static DraftId From(Guid value) => new(value);
}

internal readonly record struct RatingId(Guid Value) : IEntityId<RatingId>
{
    public static RatingId New() => new(Guid.CreateVersion7());
    public static RatingId From(Guid value) => new(value);
}

internal readonly record struct SupervisionOrderId(Guid Value) : IEntityId<SupervisionOrderId>
{
    public static SupervisionOrderId New() => new(Guid.CreateVersion7());
    public static SupervisionOrderId From(Guid value) => new(value);
}

internal readonly record struct HomeVisitId(Guid Value) : IEntityId<HomeVisitId>
{
    public static HomeVisitId New() => new(Guid.CreateVersion7());
    public static HomeVisitId From(Guid value) => new(value);
}
