using System.Text.RegularExpressions;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;

namespace Tongban.Nodes.Directory;

/// <summary>
/// A service a provider member offers through its nodes: its code and version, a title people read, the sharing
/// resource whose grants give the right to call it, and the data items it returns.
/// </summary>
internal sealed partial class DirectoryService
{
    private DirectoryService() { }

    public string Provider { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Version { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Resource { get; private set; } = "";
    public List<string> Items { get; private set; } = [];
    public DateTimeOffset RegisteredAt { get; private set; }

    public static DirectoryService Register(string provider, string code, string version, string title, string resource, IEnumerable<string> items, DateTimeOffset at)
    {
        var errors = new List<DomainError>();
        if (!CreditCode.TryParse(provider, out var credit, out var providerError)) errors.Add(providerError!.At("provider"));
        code = code.Trim();
        if (!CodePattern().IsMatch(code)) errors.Add(NodeErrors.BadServiceCode);
        if (string.IsNullOrWhiteSpace(title)) errors.Add(NodeErrors.TitleRequired);
        var list = items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0) errors.Add(NodeErrors.NoItems);
        if (errors.Count > 0) throw new DomainException(errors);
        return new DirectoryService
        {
            Provider = credit!.Value.Value, Code = code, Version = string.IsNullOrWhiteSpace(version) ? "1" : version.Trim(), Title = title.Trim(),
            Resource = resource.Trim().ToUpperInvariant(), Items = list, RegisteredAt = at,
        };
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex CodePattern();
}

/// <summary>A published configuration version and the digest of what it said; a new version only when the content changed.</summary>
internal sealed class PublishedVersion
{
    public long Version { get; init; }
    public required string ContentDigest { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
}
