using System.Globalization;
using Tongban.Kernel.Errors;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.IssueLicenses;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.ImportHistory;

/// <summary>A line that passed the checks made from the file alone: what to seal it with.</summary>
internal sealed record HistoryCandidate(long Line, Dictionary<string, string> Cells, LicenseType Type, LicenseTypeVersion Version, DepartmentInfo Issuer, CheckedInput Input);

/// <summary>
/// The data-quality checks of a historical record, all reasons at once: the type known and published; the issuing
/// authority registered and listed for the type; number, holder and issue date present; the holder's ID number or
/// credit code (check character) and kind; the type's required fields (the same rules as issuing by hand); the issue
/// date not after the expiry; the number not already taken (earlier in the file or in the library). The holder's name
/// against the registries is checked afterwards, in bulk (<see cref="HolderNames"/>).
/// </summary>
internal sealed class HistoryChecks(IReadOnlyDictionary<string, LicenseType> types, IReadOnlyDictionary<string, DepartmentInfo> departments, HashSet<string> taken,
    HashSet<string> inLibrary, DateOnly today)
{
    public static string NumberKey(string type, string issuer, string number) => $"{type}|{issuer}|{number}";

    public (HistoryCandidate? Candidate, List<RejectionReason> Reasons) Check(HistoryLine line)
    {
        var reasons = new List<RejectionReason>();
        if (line.Unreadable is not null)
        {
            reasons.Add(line.Unreadable == HistoryLines.Control
                ? new("(line)", "license_import.unreadable", "该行含有无法保存的控制字符（NUL），可能是二进制内容或编码错误", "The line holds a NUL character (binary content or a wrong encoding)")
                : new("(line)", "license_import.unreadable", "该行不是有效的JSON对象", "The line is not a valid JSON object"));
            return (null, reasons);
        }
        var cells = line.Cells;
        var typeCode = Cell(cells, "type_code").ToUpperInvariant();
        var issuerCode = Cell(cells, "issuer_code").ToUpperInvariant();
        var type = TypeOf(typeCode, reasons);
        var issuer = IssuerOf(type, issuerCode, reasons);
        foreach (var required in new[] { "number", "holder_code", "holder_name", "issued_on" })
            if (Cell(cells, required).Length == 0) reasons.Add(Missing(required));
        var issuedOn = Date(cells, "issued_on", reasons);
        var validUntil = Date(cells, "valid_until", reasons);
        if (issuedOn is { } i && validUntil is { } u && u < i)
            reasons.Add(new("valid_until", "license.issued_after_expiry", "颁发日期晚于有效期截止日期", "The issue date is after the end of validity"));
        if (type?.Published is not { } version) return (null, reasons);

        var definition = version.Definition;
        var fields = cells.Where(c => !HistoryLines.Required.Contains(c.Key) && c.Key != "valid_until").ToDictionary(c => c.Key, c => (string?)c.Value, StringComparer.Ordinal);
        // Only a per-record validity takes the file's end date; a rule's own date is computed (the issue-after-expiry check above used the file's).
        var input = new LicenseInput(Cell(cells, "holder_code"), Cell(cells, "holder_name"), Cell(cells, "number"), issuedOn,
            definition.Validity.Kind == ValidityKind.PerRecord ? validUntil : null, fields);
        var (checkedInput, errors) = LicenseInputRules.Check(definition, input, today);
        var flagged = reasons.Select(r => r.Field).ToHashSet(StringComparer.Ordinal); // one reason a column: "missing" says it already
        reasons.AddRange(errors.Where(e => !flagged.Contains(e.Field ?? "")).Select(e => new RejectionReason(e.Field ?? "", e.Code, e.Chinese, e.English)));
        var number = Cell(cells, "number");
        if (number.Length > 0 && taken.Contains(NumberKey(typeCode, issuerCode, number)))
            reasons.Add(inLibrary.Contains(NumberKey(typeCode, issuerCode, number))
                ? new("number", "license_import.duplicate_in_library", $"证照编号“{number}”在证照库中已存在", $"The license number '{number}' is already in the library")
                : new("number", "license_import.duplicate_in_file", $"证照编号“{number}”在文件中重复出现", $"The license number '{number}' appears earlier in the file"));
        if (reasons.Count > 0 || checkedInput is null || issuer is null) return (null, reasons);
        taken.Add(NumberKey(typeCode, issuerCode, number)); // a later line with it is a duplicate
        return (new HistoryCandidate(line.Line, cells, type, version, issuer, checkedInput), reasons);
    }

    /// <summary>Gives back the number of a candidate refused afterwards (its holder's name).</summary>
    public void Release(HistoryCandidate c) => taken.Remove(NumberKey(c.Type.Code, c.Issuer.CreditCode, c.Input.Number ?? ""));

    private LicenseType? TypeOf(string code, List<RejectionReason> reasons)
    {
        if (code.Length == 0) return Add<LicenseType>(reasons, Missing("type_code"));
        if (!types.TryGetValue(code, out var type))
            return Add<LicenseType>(reasons, new("type_code", "license_import.type_unknown", $"证照类型“{code}”不在证照目录中", $"The license type '{code}' is not in the catalog"));
        return type.Published is null
            ? Add<LicenseType>(reasons, new("type_code", "license_type.not_published", "该证照类型尚未发布", "This license type is not published yet"))
            : type;
    }

    private DepartmentInfo? IssuerOf(LicenseType? type, string code, List<RejectionReason> reasons)
    {
        if (code.Length == 0) return Add<DepartmentInfo>(reasons, Missing("issuer_code"));
        if (!departments.TryGetValue(code, out var issuer))
            return Add<DepartmentInfo>(reasons, new("issuer_code", "license.issuer_unknown", $"颁发机构“{code}”未在本平台登记", $"The issuing authority '{code}' is not registered on this platform"));
        if (type?.Published is { } v && !v.Definition.IssuingAuthorities.Contains(code, StringComparer.Ordinal))
            return Add<DepartmentInfo>(reasons, new("issuer_code", "license.issuer_not_listed", $"“{issuer.Name}”不是该证照类型的颁发机构", $"'{issuer.Name}' is not an issuing authority of this license type"));
        return issuer;
    }

    private static DateOnly? Date(Dictionary<string, string> cells, string column, List<RejectionReason> reasons)
    {
        var text = Cell(cells, column);
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        reasons.Add(new(column, "license_import.date", $"日期“{text}”格式不正确（应为yyyy-MM-dd）", $"The date '{text}' is not in the form yyyy-MM-dd"));
        return null;
    }

    private static RejectionReason Missing(string column) => new(column, "license_import.missing", $"缺少必填项“{Label(column).Zh}”", $"The required '{Label(column).En}' is missing");

    public static (string Zh, string En) Label(string column) => column switch
    {
        "type_code" => ("证照类型代码", "license type code"),
        "issuer_code" => ("颁发机构代码", "issuing authority code"),
        "number" => ("证照编号", "license number"),
        "holder_code" => ("持证主体代码", "holder's code"),
        "holder_name" => ("持证主体名称", "holder's name"),
        "issued_on" => ("颁发日期", "issue date"),
        "valid_until" => ("有效期截止日期", "end of validity"),
        _ => (column, column),
    };

    private static string Cell(Dictionary<string, string> cells, string column) => cells.GetValueOrDefault(column) ?? "";

    private static T? Add<T>(List<RejectionReason> reasons, RejectionReason reason) where T : class
    {
        reasons.Add(reason);
        return null;
    }

}
