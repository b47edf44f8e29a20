namespace Tongban.Applications.Domain;

/// <summary>
/// 办件编号: the item's county-level division (6 digits), the local date of submission and a sequence per division
/// and day, e.g. <c>211221-20260302-00017</c>. Readable over the phone, sortable, unique by construction.
/// </summary>
internal static class CaseNumbers
{
    public static string Division(string divisionCode) => divisionCode.Length >= 6 ? divisionCode[..6] : divisionCode.PadRight(6, '0');

    public static string Day(DateOnly date) => date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(string division, string day, int sequence) =>
        $"{division}-{day}-{sequence.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>The last sequence handed out per division and day (app_case_sequences); incremented by one atomic upsert.</summary>
internal sealed class CaseSequence
{
    public string Division { get; private set; } = "";
    public string Day { get; private set; } = "";
    public int LastNumber { get; private set; }
}
