using System.Globalization;
using Tongban.Kernel.Errors;

namespace Tongban.Cli.Commands;

/// <summary>A command's date option (<c>yyyy-MM-dd</c>, a local date): absent is null, anything else is refused naming the option.</summary>
internal static class DateOption
{
    public static DateOnly? Parse(string? text, string option) => text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new DomainException(new DomainError("cli.date", $"--{option} 应为日期，如 2026-12-01", $"--{option} must be a date like 2026-12-01", ErrorKind.BadRequest, option));
}
