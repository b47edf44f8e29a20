namespace Tongban.Applications.Domain;

/// <summary>
/// What decides which staff see a record of a case (the case itself, its rating, its supervision orders): the case's
/// department, division and station. One scope rule, in SQL and in memory, for all of them.
/// </summary>
internal interface IStaffScoped
{
    string DepartmentCreditCode { get; }
    string DivisionCode { get; }
    string? StationKey { get; }
}
