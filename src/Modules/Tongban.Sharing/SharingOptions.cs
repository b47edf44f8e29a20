namespace Tongban.Sharing;

internal sealed class SharingOptions
{
    public const string Section = "Sharing";

    /// <summary>
    /// Credit code of the department that keeps the city's resource catalog (the big-data bureau, 大数据主管部门):
    /// its data administrators review and publish every department's resources. Unset: only administrators
    /// without a department (the development sign-in) review.
    /// </summary>
    public string? CatalogDepartment { get; set; }
}
