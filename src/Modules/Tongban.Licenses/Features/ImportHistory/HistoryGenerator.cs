using System.Globalization;
using Tongban.Kernel.Forms;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.ImportHistory;

/// <summary>A holder the base registries know (the demo's reference people and entities), so the name check has something to match.</summary>
internal sealed record KnownHolder(string Code, string Name);

/// <summary>
/// Plausible historical records over the published license types and their issuing authorities, the same for the same
/// seed. About one line in twelve is bad in one of the ways the quality report names: a wrong check character, a
/// missing required item, an unknown authority or one that does not issue the type, an issue date after the expiry,
/// a repeated number, a holder's name the registry holds differently.
/// </summary>
internal sealed class HistoryGenerator(IReadOnlyList<LicenseType> types, IReadOnlyList<KnownHolder> people, IReadOnlyList<KnownHolder> entities, int seed)
{
    private readonly Random _random = new(seed);
    private Dictionary<string, string>? _last;
    private long _serial;

    public static readonly string[] Streets = ["银州区广裕街", "银州区工人街", "清河区红旗街", "铁岭县新台子镇", "开原市新城街", "昌图县昌图镇", "调兵山市兀术街", "西丰县西丰镇"];
    private static readonly string[] Scopes = ["预包装食品销售", "日用百货零售", "餐饮服务", "建筑工程施工", "道路普通货物运输", "农产品收购", "技术咨询服务"];

    public IEnumerable<Dictionary<string, string>> Records(long count)
    {
        for (long i = 0; i < count; i++)
        {
            var record = Good();
            if (_random.Next(12) == 0) Spoil(record);
            else _last = record;
            yield return record;
        }
    }

    private Dictionary<string, string> Good()
    {
        var type = types[_random.Next(types.Count)];
        var definition = type.Published!.Definition;
        var issuer = definition.IssuingAuthorities[_random.Next(definition.IssuingAuthorities.Count)];
        var person = definition.Holder == HolderKind.Person || (definition.Holder == HolderKind.Both && _random.Next(2) == 0);
        var holder = person ? people[_random.Next(people.Count)] : entities[_random.Next(entities.Count)];
        var issuedOn = new DateOnly(2008, 1, 1).AddDays(_random.Next(6200));
        var record = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["type_code"] = type.Code, ["issuer_code"] = issuer, ["holder_code"] = holder.Code, ["holder_name"] = holder.Name,
            ["number"] = $"{issuer[^6..^1]}{seed % 100:D2}{issuedOn.Year}{++_serial:D6}", ["issued_on"] = Iso(issuedOn),
        };
        if (definition.Validity.Until(issuedOn, _random.Next(3) > 0 ? issuedOn.AddYears(5).AddDays(-1) : null) is { } until) record["valid_until"] = Iso(until);
        foreach (var field in definition.Fields.Fields.Where(f => f.Required || _random.Next(2) == 0)) record[field.Key] = Value(field, holder, issuedOn);
        return record;
    }

    private void Spoil(Dictionary<string, string> record)
    {
        switch (_random.Next(7))
        {
            case 0: record["holder_code"] = record["holder_code"][..^1] + (record["holder_code"][^1] == '0' ? '1' : '0'); break;
            case 1: record.Remove(_random.Next(2) == 0 ? "holder_name" : "issued_on"); break;
            case 2: record["issuer_code"] = "12211200MB1234567" + "ABCDEFGH"[_random.Next(8)]; break;
            case 3: record["issuer_code"] = OtherAuthority(record["type_code"]) ?? record["issuer_code"]; break;
            case 4: record["valid_until"] = Iso(DateOnly.ParseExact(record["issued_on"], "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-30)); break;
            case 5 when _last is not null: (record["type_code"], record["issuer_code"], record["number"]) = (_last["type_code"], _last["issuer_code"], _last["number"]); Refit(record); break;
            default: record["holder_name"] = OtherName(record["holder_name"]); break;
        }
    }

    /// <summary>Makes a repeated number's line otherwise sound for its (earlier) type, so the duplicate is its only fault.</summary>
    private void Refit(Dictionary<string, string> record)
    {
        var last = _last!;
        foreach (var key in record.Keys.Where(k => !HistoryLines.Required.Contains(k)).ToList()) record.Remove(key);
        foreach (var (key, value) in last.Where(p => !HistoryLines.Required.Contains(p.Key))) record[key] = value;
        (record["holder_code"], record["holder_name"], record["issued_on"]) = (last["holder_code"], last["holder_name"], last["issued_on"]);
    }

    private string OtherName(string name)
    {
        var pool = people.Any(p => p.Name == name) ? people : entities;
        var other = pool[_random.Next(pool.Count)].Name;
        return other == name ? name + "（曾用名）" : other;
    }

    private string? OtherAuthority(string typeCode)
    {
        var own = types.First(t => t.Code == typeCode).Published!.Definition.IssuingAuthorities;
        var others = types.SelectMany(t => t.Published!.Definition.IssuingAuthorities).Distinct().Where(a => !own.Contains(a)).Order(StringComparer.Ordinal).ToList();
        return others.Count == 0 ? null : others[_random.Next(others.Count)];
    }

    private string Value(FormField field, KnownHolder holder, DateOnly issuedOn) => field.Type switch
    {
        FormFieldType.Date => Iso(issuedOn.AddDays(-_random.Next(30, 3000))),
        FormFieldType.Number => ((int)Math.Max(field.Min ?? 1, Math.Min(field.Max ?? 100_000, _random.Next(10, 5000)))).ToString(CultureInfo.InvariantCulture),
        FormFieldType.Choice => field.Options![_random.Next(field.Options.Count)].Value,
        FormFieldType.MultiChoice => field.Options![_random.Next(field.Options.Count)].Value,
        FormFieldType.YesNo => _random.Next(2) == 0 ? "yes" : "no",
        FormFieldType.IdNumber => people[_random.Next(people.Count)].Code,
        FormFieldType.CreditCode => entities[_random.Next(entities.Count)].Code,
        FormFieldType.Phone => $"139{_random.Next(10_000_000, 99_999_999)}",
        FormFieldType.LongText => Scopes[_random.Next(Scopes.Length)],
        _ => Text(field, holder),
    };

    private string Text(FormField field, KnownHolder holder)
    {
        var key = field.Key;
        var text = key switch
        {
            "operator" => holder.Name,
            "enterprise" or "firm" or "producer" or "user_unit" or "institution" or "unit_name" or "organisation_name" => entities[_random.Next(entities.Count)].Name,
            "legal_representative" or "head_name" or "spouse_name" or "former_spouse_name" or "mother_name" or "father_name" or "newborn_name" => people[_random.Next(people.Count)].Name,
            _ when key.Contains("address", StringComparison.Ordinal) || key is "location" or "place" or "workplace" or "birthplace" or "born_at" =>
                $"铁岭市{Streets[_random.Next(Streets.Length)]}{_random.Next(1, 300)}号",
            _ when key.Contains("scope", StringComparison.Ordinal) || key == "activities" => Scopes[_random.Next(Scopes.Length)],
            _ => $"{field.LabelZh}{_random.Next(1, 100)}",
        };
        return field.MaxLength is { } max && text.Length > max ? text[..max] : text;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
