namespace Tongban.Notifications.Features.Channels;

/// <summary>How the delivery log shows an address: never a phone number or e-mail in full.</summary>
internal static class Masking
{
    /// <summary><c>139****5678</c>: the first three and last four digits.</summary>
    public static string Phone(string phone) => Kernel.Identifiers.MobilePhone.Mask(phone);

    /// <summary><c>z***@example.cn</c>: the first letter and the domain.</summary>
    public static string Email(string email) => email.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? $"{email[0]}***{email[at..]}" : "***";
}
