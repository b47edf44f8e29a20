using System.Globalization;
using System.Text;
using System.Text.Json;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Registries.Contracts;
using Tongban.Registries.Domain;

namespace Tongban.Registries.Features.ImportRecords;

internal enum ColumnType
{
    Text,
    Date,
    Integer,
}

/// <summary>A field of an import file and the column it is stored in (the field name in snake_case, as EF maps it).</summary>
internal sealed record ImportColumn(string Field, string Column, ColumnType Type);

/// <summary>
/// A registry's file format and the rules of one line, for one run: its columns, the checks of each field, and the
/// keys seen so far (a later line with the same key is a duplicate). A valid line becomes the values of its stored
/// columns (strings, <see cref="DateOnly"/>, <see cref="int"/>, as EF stores them) followed by its content hash.
/// </summary>
internal abstract class RecordFormat
{
    private readonly IReadOnlySet<string> _divisions;
    private readonly List<RejectedLine> _errors = [];
    private readonly Dictionary<string, (string? Code, DomainError? Error)> _divisionChecks = new(StringComparer.Ordinal);
    private long _line;

    protected RecordFormat(RegistryDescription description, string table, IReadOnlySet<string> divisions, params (string Field, ColumnType Type)[] columns)
    {
        Description = description;
        Table = table;
        _divisions = divisions;
        Columns = [.. columns.Select(c => new ImportColumn(c.Field, SnakeCase(c.Field), c.Type))];
        KeyColumn = Columns[0].Column;
        _updatedOn = Columns.Count - 1;
    }

    private readonly int _updatedOn;

    public RegistryDescription Description { get; }

    public string Table { get; }

    /// <summary>The stored columns in file order; the key first, <c>updated_on</c> last.</summary>
    public IReadOnlyList<ImportColumn> Columns { get; }

    public string KeyColumn { get; }

    /// <summary>The columns sealed at rest (<see cref="UseSealing"/>); their blind indexes follow the record's values in a row.</summary>
    public SealedColumns Sealed { get; private set; } = SealedColumns.None;

    /// <summary>The column records are matched on: the key's blind index where the key is sealed, else the key.</summary>
    public string MatchColumn => Sealed.SealsKey ? Sealed.IndexColumns[0] : KeyColumn;

    /// <summary>A row's value of <see cref="MatchColumn"/>.</summary>
    public string MatchKey(object?[] row) => (string)row[Sealed.SealsKey ? Columns.Count : 0]!;

    /// <summary>The match key as a number, where it is a blind index: millions of them fit in memory that way.</summary>
    public Func<string, UInt128>? MatchNumber => Sealed.SealsKey ? SealedColumns.Number : null;

    public void UseSealing(SealedColumns sealedColumns) => Sealed = sealedColumns;

    /// <summary>Fields a file may leave out (a CSV without the column, a JSON line without the name).</summary>
    public virtual IReadOnlySet<string> OptionalFields { get; } = new HashSet<string>();

    /// <summary>The errors of the last line checked.</summary>
    public IReadOnlyList<RejectedLine> Errors => _errors;

    public static RecordFormat For(RegistryKind kind, IReadOnlySet<string> divisions) => kind switch
    {
        RegistryKind.Population => new PersonFormat(divisions),
        RegistryKind.LegalEntities => new EntityFormat(divisions),
        RegistryKind.Geospatial => new GeoFormat(divisions),
        _ => new CreditFormat(divisions),
    };

    /// <summary>
    /// Checks one line (its cells in <see cref="Columns"/> order, null where absent). Returns the values to store (the
    /// sealed ones sealed, their blind indexes after them) and the content hash last, or null with <see cref="Errors"/> saying why.
    /// </summary>
    public object?[]? Check(long line, string?[] cells)
    {
        _line = line;
        _errors.Clear();
        var values = new object?[Columns.Count + Sealed.Count + 1];
        CheckFields(cells, values);
        if (_errors.Count > 0) return null;
        if (!AddKey(values))
        {
            Reject(Columns[0].Field, "import.duplicate", "与本文件前面的一行重复（同一主键），此行未导入", "Duplicate of an earlier line of this file (same key); this line was not loaded");
            return null;
        }
        var clear = Sealed.Index(values, Columns.Count);
        values[^1] = ContentHash(values);
        Sealed.Seal(values, clear);
        return values;
    }

    protected abstract void CheckFields(string?[] cells, object?[] values);

    /// <summary>Records the line's key; false when an earlier line of the file had it.</summary>
    protected abstract bool AddKey(object?[] values);

    protected void Reject(string field, string code, string chinese, string english) => _errors.Add(new RejectedLine(_line, field, code, chinese, english));

    protected void Reject(string field, DomainError error) => Reject(field, error.Code, error.Chinese, error.English);

    protected string? Text(string?[] cells, int index, int maxLength, bool required = true)
    {
        var value = cells[index]?.Trim();
        var field = Columns[index].Field;
        if (string.IsNullOrEmpty(value))
        {
            if (required) Reject(field, "import.required", $"缺少必填字段{field}", $"The field {field} is required");
            return null;
        }
        if (value.Length > maxLength)
        {
            Reject(field, "import.too_long", $"{field}超过{maxLength}个字符", $"{field} is longer than {maxLength} characters");
            return null;
        }
        return value;
    }

    protected DateOnly? Date(string?[] cells, int index, bool required = true)
    {
        var text = Text(cells, index, 10, required);
        if (text is null) return null;
        if (IsoDate(text) is { } date) return date;
        Reject(Columns[index].Field, "import.date", $"日期“{text}”无效，格式应为YYYY-MM-DD", $"'{text}' is not a date written YYYY-MM-DD");
        return null;
    }

    /// <summary>One of the codes the format allows (the exchange API's codes), stored as the enum's name.</summary>
    protected string? Code<TEnum>(string?[] cells, int index, IReadOnlyDictionary<string, TEnum> codes) where TEnum : struct, Enum
    {
        var text = Text(cells, index, 20);
        if (text is null) return null;
        if (codes.TryGetValue(text, out var value)) return EnumName(value);
        var allowed = string.Join(", ", codes.Keys);
        Reject(Columns[index].Field, "import.enum", $"“{text}”不是允许的值（{allowed}）", $"'{text}' is not one of the allowed values ({allowed})");
        return null;
    }

    protected string? OneOf(string?[] cells, int index, IReadOnlyCollection<string> allowed, int maxLength)
    {
        var text = Text(cells, index, maxLength);
        if (text is null || allowed.Contains(text)) return text;
        var list = string.Join("、", allowed);
        Reject(Columns[index].Field, "import.enum", $"“{text}”不是允许的值（{list}）", $"'{text}' is not one of the allowed values ({list})");
        return null;
    }

    protected string? Division(string?[] cells, int index)
    {
        var text = Text(cells, index, 12);
        if (text is null) return null;
        if (!_divisionChecks.TryGetValue(text, out var check)) // a file names a few hundred divisions a million times
        {
            check = !DivisionCode.TryParse(text, out var code, out var error) ? (null, error)
                : _divisions.Contains(code.Value.Value) ? (code.Value.Value, null)
                : (null, new DomainError("import.division_unknown", $"行政区划代码{text}不存在", $"The division code {text} is not a known division"));
            if (_divisionChecks.Count < 100_000) _divisionChecks[text] = check;
        }
        if (check.Error is { } unknown) Reject(Columns[index].Field, unknown);
        return check.Code;
    }

    protected string? CreditCodeOf(string?[] cells, int index)
    {
        var text = Text(cells, index, 18);
        if (text is null) return null;
        if (CreditCode.TryParse(text, out var code, out var error)) return code.Value.Value;
        Reject(Columns[index].Field, error!);
        return null;
    }

    /// <summary>
    /// A 64-bit hash of every stored value but <c>updated_on</c> (FNV-1a over the values' text, separated, then mixed):
    /// equal content, equal hash; the date the source touched a record is not a change of it.
    /// </summary>
    private long ContentHash(object?[] values)
    {
        var hash = 14695981039346656037UL;
        Span<char> text = stackalloc char[16];
        for (var i = 0; i < Columns.Count; i++)
        {
            if (i == _updatedOn) continue;
            ReadOnlySpan<char> value = values[i] switch
            {
                null => "\0",
                string v => v,
                DateOnly d when d.TryFormat(text, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture) => text[..n],
                int v when v.TryFormat(text, out var n, default, CultureInfo.InvariantCulture) => text[..n],
                var v => v.ToString(),
            };
            foreach (var c in value) hash = (hash ^ c) * 1099511628211UL;
            hash = (hash ^ 0x1F) * 1099511628211UL;
        }
        hash ^= hash >> 33; // fmix64 (MurmurHash3): spreads FNV's weak high bits
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return unchecked((long)hash);
    }

    /// <summary>YYYY-MM-DD and nothing else, without the cost of a culture-aware parse.</summary>
    private static DateOnly? IsoDate(string s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return null;
        if (!int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(s.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        return new DateOnly(year, month, day);
    }

    private static string EnumName<TEnum>(TEnum value) where TEnum : struct, Enum => EnumNames<TEnum>.Of[value];

    private static class EnumNames<TEnum> where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> Of = Enum.GetValues<TEnum>().ToDictionary(v => v, v => v.ToString());
    }

    private static string SnakeCase(string field)
    {
        var s = new StringBuilder(field.Length + 4);
        foreach (var c in field)
        {
            if (char.IsAsciiLetterUpper(c)) s.Append('_').Append(char.ToLowerInvariant(c));
            else s.Append(c);
        }
        return s.ToString();
    }

    protected static Dictionary<string, TEnum> Codes<TEnum>(params (string Code, TEnum Value)[] codes) where TEnum : struct, Enum =>
        codes.ToDictionary(c => c.Code, c => c.Value, StringComparer.OrdinalIgnoreCase);
}

/// <summary>人口库: keyed by the ID number, held as a number (X as 10) so millions of keys fit in memory.</summary>
internal sealed class PersonFormat(IReadOnlySet<string> divisions) : RecordFormat(Features.RegistryShapes.Population, "reg_persons", divisions,
    ("idNumber", ColumnType.Text), ("name", ColumnType.Text), ("sex", ColumnType.Integer), ("birthDate", ColumnType.Date), ("ethnicity", ColumnType.Text),
    ("address", ColumnType.Text), ("divisionCode", ColumnType.Text), ("householdNumber", ColumnType.Text), ("relationToHead", ColumnType.Text),
    ("maritalStatus", ColumnType.Text), ("status", ColumnType.Text), ("updatedOn", ColumnType.Date))
{
    public static readonly string[] MaritalStatuses = ["未婚", "已婚", "离婚", "丧偶"];

    private static readonly Dictionary<string, PersonStatus> Statuses = Codes(Features.RegistryShapes.PersonStatuses);
    private static readonly Dictionary<string, Sex> Sexes = Codes(("男", Sex.Male), ("女", Sex.Female), ("male", Sex.Male), ("female", Sex.Female), ("1", Sex.Male), ("2", Sex.Female));

    private readonly HashSet<long> _keys = [];

    protected override void CheckFields(string?[] cells, object?[] values)
    {
        ResidentIdNumber? id = null;
        if (Text(cells, 0, 18) is { } text)
        {
            if (ResidentIdNumber.TryParse(text, out id, out var error)) values[0] = id.Value.Value;
            else Reject("idNumber", error!);
        }
        values[1] = Text(cells, 1, 50);
        if (Text(cells, 2, 6) is { } sexText)
        {
            if (!Sexes.TryGetValue(sexText, out var sex)) Reject("sex", "import.enum", $"性别“{sexText}”应为男或女", $"Sex '{sexText}' is neither 男 (male) nor 女 (female)");
            else if (id is { } i && i.IsMale != (sex == Sex.Male)) Reject("sex", "population.sex_mismatch", "性别与身份证号码不符（第17位奇数为男，偶数为女）", "Sex does not agree with the ID number (an odd 17th digit is male, even female)");
            else values[2] = (int)sex;
        }
        var birth = Date(cells, 3);
        if (birth is { } b && id is { } person && person.BirthDate != b)
            Reject("birthDate", "population.birth_date_mismatch", "出生日期与身份证号码中的出生日期不符", "The birth date does not agree with the one inside the ID number");
        values[3] = birth;
        values[4] = Text(cells, 4, 20);
        values[5] = Text(cells, 5, 200);
        values[6] = Division(cells, 6);
        values[7] = Text(cells, 7, 20);
        values[8] = Text(cells, 8, 20);
        values[9] = OneOf(cells, 9, MaritalStatuses, 10);
        values[10] = Code(cells, 10, Statuses);
        values[11] = Date(cells, 11);
    }

    protected override bool AddKey(object?[] values) => _keys.Add(Number((string)values[0]!));

    /// <summary>The first 17 digits and the check character as a number (X as 10): unique per ID number.</summary>
    private static long Number(string id) => long.Parse(id.AsSpan(0, 17), CultureInfo.InvariantCulture) * 11 + (id[17] == 'X' ? 10 : id[17] - '0');
}

internal abstract class StringKeyedFormat(RegistryDescription description, string table, IReadOnlySet<string> divisions, params (string, ColumnType)[] columns)
    : RecordFormat(description, table, divisions, columns)
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    protected override bool AddKey(object?[] values) => _keys.Add((string)values[0]!);
}

/// <summary>法人库: keyed by the credit code.</summary>
internal sealed class EntityFormat(IReadOnlySet<string> divisions) : StringKeyedFormat(Features.RegistryShapes.LegalEntities, "reg_legal_entities", divisions,
    ("creditCode", ColumnType.Text), ("name", ColumnType.Text), ("entityType", ColumnType.Text), ("legalRepresentative", ColumnType.Text),
    ("address", ColumnType.Text), ("divisionCode", ColumnType.Text), ("status", ColumnType.Text), ("establishedOn", ColumnType.Date),
    ("businessScope", ColumnType.Text), ("legalRepresentativeIdNumber", ColumnType.Text), ("updatedOn", ColumnType.Date))
{
    private static readonly Dictionary<string, EntityStatus> Statuses = Codes(Features.RegistryShapes.EntityStatuses);

    public override IReadOnlySet<string> OptionalFields { get; } = new HashSet<string> { "legalRepresentativeIdNumber" };

    protected override void CheckFields(string?[] cells, object?[] values)
    {
        values[0] = CreditCodeOf(cells, 0);
        values[1] = Text(cells, 1, 200);
        values[2] = Text(cells, 2, 50);
        values[3] = Text(cells, 3, 50);
        values[4] = Text(cells, 4, 200);
        values[5] = Division(cells, 5);
        values[6] = Code(cells, 6, Statuses);
        values[7] = Date(cells, 7);
        values[8] = Text(cells, 8, 2000);
        if (Text(cells, 9, 18, required: false) is { } representative)
        {
            if (ResidentIdNumber.TryParse(representative, out var id, out var error)) values[9] = id.Value.Value;
            else Reject("legalRepresentativeIdNumber", error!);
        }
        values[10] = Date(cells, 10);
    }
}

/// <summary>地理空间库: keyed by the feature's code; the geometry is GeoJSON, a Point or a Polygon in WGS 84.</summary>
internal sealed class GeoFormat(IReadOnlySet<string> divisions) : StringKeyedFormat(Features.RegistryShapes.Geospatial, "reg_geo_features", divisions,
    ("code", ColumnType.Text), ("kind", ColumnType.Text), ("name", ColumnType.Text), ("divisionCode", ColumnType.Text),
    ("geometry", ColumnType.Text), ("updatedOn", ColumnType.Date))
{
    private static readonly Dictionary<string, GeoKind> Kinds = Codes(Features.RegistryShapes.GeoKinds);

    protected override void CheckFields(string?[] cells, object?[] values)
    {
        values[0] = Text(cells, 0, 40);
        values[1] = Code(cells, 1, Kinds);
        values[2] = Text(cells, 2, 200);
        values[3] = Division(cells, 3);
        values[4] = Geometry(cells, 4);
        values[5] = Date(cells, 5);
    }

    private string? Geometry(string?[] cells, int index)
    {
        var text = Text(cells, index, 100_000);
        if (text is null) return null;
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t.GetString() : null;
            var ok = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("coordinates", out var c) && type switch
            {
                "Point" => IsPosition(c),
                "Polygon" => c.ValueKind == JsonValueKind.Array && c.GetArrayLength() > 0 && c.EnumerateArray().All(IsRing),
                _ => false,
            };
            if (ok) return JsonSerializer.Serialize(root);
            Reject("geometry", "geospatial.geometry", "空间位置应为GeoJSON的Point或Polygon（经纬度，面的环须闭合且至少4个点）",
                "The geometry must be a GeoJSON Point or Polygon (longitude, latitude; each ring closed with at least 4 positions)");
        }
        catch (JsonException)
        {
            Reject("geometry", "geospatial.geojson", "空间位置不是有效的JSON", "The geometry is not valid JSON");
        }
        return null;
    }

    private static bool IsPosition(JsonElement p) =>
        p.ValueKind == JsonValueKind.Array && p.GetArrayLength() is 2 or 3
        && p[0].ValueKind == JsonValueKind.Number && p[1].ValueKind == JsonValueKind.Number
        && p[0].GetDouble() is >= -180 and <= 180 && p[1].GetDouble() is >= -90 and <= 90;

    private static bool IsRing(JsonElement ring)
    {
        if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4 || !ring.EnumerateArray().All(IsPosition)) return false;
        var (first, last) = (ring[0], ring[ring.GetArrayLength() - 1]);
        return first[0].GetDouble() == last[0].GetDouble() && first[1].GetDouble() == last[1].GetDouble();
    }
}

/// <summary>信用红黑名单: keyed by the entry number; the subject is a person (ID number) or an entity (credit code).</summary>
internal sealed class CreditFormat(IReadOnlySet<string> divisions) : StringKeyedFormat(Features.RegistryShapes.CreditLists, "reg_credit_entries", divisions,
    ("entryNumber", ColumnType.Text), ("subjectCode", ColumnType.Text), ("subjectName", ColumnType.Text), ("list", ColumnType.Text),
    ("reason", ColumnType.Text), ("sourceDepartment", ColumnType.Text), ("listedOn", ColumnType.Date), ("expiresOn", ColumnType.Date),
    ("updatedOn", ColumnType.Date))
{
    private static readonly Dictionary<string, CreditList> Lists = Codes(Features.RegistryShapes.ListCodes);

    public override IReadOnlySet<string> OptionalFields { get; } = new HashSet<string> { "expiresOn" };

    protected override void CheckFields(string?[] cells, object?[] values)
    {
        values[0] = Text(cells, 0, 60);
        if (Text(cells, 1, 18) is { } subject)
        {
            if (ResidentIdNumber.TryParse(subject, out var id, out _)) values[1] = id.Value.Value;
            else if (CreditCode.TryParse(subject, out var code, out _)) values[1] = code.Value.Value;
            else Reject("subjectCode", "credit.subject_code", "主体代码既不是有效的身份证号码，也不是有效的统一社会信用代码（校验位错误）",
                "The subject code is neither a valid ID number nor a valid credit code (check character wrong)");
        }
        values[2] = Text(cells, 2, 200);
        values[3] = Code(cells, 3, Lists);
        values[4] = Text(cells, 4, 500);
        values[5] = CreditCodeOf(cells, 5);
        var listed = Date(cells, 6);
        var expires = Date(cells, 7, required: false);
        if (listed is { } l && expires is { } e && e < l)
            Reject("expiresOn", "credit.expiry", "有效期至早于列入日期", "The entry expires before it was listed");
        (values[6], values[7]) = (listed, expires);
        values[8] = Date(cells, 8);
    }
}
