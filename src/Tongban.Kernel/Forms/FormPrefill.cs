namespace Tongban.Kernel.Forms;

/// <summary>
/// Where a field may be filled in before the applicant types (<see cref="FormField.Prefill"/>): their own account, or a
/// registry record they agreed to use in this very application — never a registry read of its own.
/// </summary>
public static class FormPrefill
{
    /// <summary>The mobile number of the applicant's account (a <see cref="FormFieldType.Phone"/> field).</summary>
    public const string AccountPhone = "account.phone";

    /// <summary>The address of the household record the applicant agreed to use (a text field).</summary>
    public const string HouseholdAddress = "household.address";

    /// <summary>The division of the household record the applicant agreed to use (a <see cref="FormFieldType.Division"/> field).</summary>
    public const string HouseholdDivision = "household.division";

    public sealed record Source(FormFieldType[] Types, string Chinese, string English);

    /// <summary>Each source with the field types it can fill and its name for the catalog's form editor.</summary>
    public static readonly IReadOnlyDictionary<string, Source> Sources = new Dictionary<string, Source>(StringComparer.Ordinal)
    {
        [AccountPhone] = new([FormFieldType.Phone], "申请人账号中的手机号", "The applicant's mobile on their account"),
        [HouseholdAddress] = new([FormFieldType.Text, FormFieldType.LongText], "申请人同意使用的户籍登记：户籍地址", "The household record the applicant agreed to use: address"),
        [HouseholdDivision] = new([FormFieldType.Division], "申请人同意使用的户籍登记：户籍地行政区划", "The household record the applicant agreed to use: division"),
    };
}
