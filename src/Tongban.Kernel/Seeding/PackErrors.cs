using Tongban.Kernel.Errors;

namespace Tongban.Kernel.Seeding;

/// <summary>Errors of one entry of a region pack's file, named by the file, the entry's number and its label, so the pack's author finds it.</summary>
public static class PackErrors
{
    public static IEnumerable<DomainError> OfEntry(IEnumerable<DomainError> errors, string file, int index, string? code, string? label) =>
        errors.Select(e => e with
        {
            Field = $"{file} #{index} {code}, {e.Field}",
            Chinese = $"{file} 第{index}项（{label}）：{e.Chinese}",
            English = $"{file} entry {index} ({code}): {e.English}",
        });
}
