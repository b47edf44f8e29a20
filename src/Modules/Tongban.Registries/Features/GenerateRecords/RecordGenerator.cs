using System.Globalization;
using Tongban.Kernel.Identifiers;

#pragma warning disable CA5394 // synthetic demo data: a seeded, reproducible Random is the point, not a secret

namespace Tongban.Registries.Features.GenerateRecords;

/// <summary>
/// Synthetic registry records for a region, the same for the same seed, as cells in the import format's field order
/// (so what it writes is read back by the importer unchanged). The population comes household by household, so the
/// first people of a larger run are the people of a smaller one with the same seed; legal representatives and credit
/// entries refer to the first <see cref="ReferencePeople"/> people and <see cref="ReferenceEntities"/> entities of the seed.
/// </summary>
internal sealed class RecordGenerator(GeneratorRegion region, int seed)
{
    public const int ReferencePeople = 2_000;
    public const int ReferenceEntities = 200;

    /// <summary>The day the synthetic registry describes; fixed, so the output does not depend on when it is made.</summary>
    public static readonly DateOnly AsOf = new(2026, 1, 1);

    private const string CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // ------------------------------------------------------------------ population

    /// <summary>idNumber, name, sex, birthDate, ethnicity, address, divisionCode, householdNumber, relationToHead, maritalStatus, status, updatedOn.</summary>
    public IEnumerable<string[]> People(long count)
    {
        var random = new Random(seed);
        var sequences = new Dictionary<long, int>();
        var placeWeights = region.Places.Select(p => p.Village is null ? 6 : 1).ToArray();
        var totalWeight = placeWeights.Sum();
        long made = 0;
        for (var household = 1L; made < count; household++)
        {
            var place = region.Places[Pick(random, placeWeights, totalWeight)];
            var number = place.County6 + household.ToString("D8", CultureInfo.InvariantCulture);
            var address = place.Prefix + (place.Village is null ? Vocabulary.Roads[random.Next(Vocabulary.Roads.Length)] : "")
                + random.Next(1, 300).ToString(CultureInfo.InvariantCulture) + "号";
            var ethnicity = Ethnicity(random);
            foreach (var member in Household(random))
            {
                if (made++ >= count) yield break;
                var id = IdNumber(random, sequences, place.County6, member.Age, member.Male);
                var memberEthnicity = random.Next(20) == 0 ? Ethnicity(random) : ethnicity;
                var status = member.Age > 70 && random.Next(100) < 6 ? "deceased"
                    : random.Next(1000) < 3 ? "deceased"
                    : member.Age is >= 18 and <= 40 && random.Next(100) < 5 ? "moved-out"
                    : "living";
                yield return
                [
                    id, Surname(member.Surname) + GivenName(random, member.Male), member.Male ? "男" : "女", id.Substring(6, 4) + "-" + id.Substring(10, 2) + "-" + id.Substring(12, 2),
                    memberEthnicity, address, place.Code, number, member.Relation, member.Marital, status, Date(AsOf.AddDays(-random.Next(1, 1500))),
                ];
            }
        }
    }

    private sealed record Member(string Relation, bool Male, int Age, string Marital, int Surname);

    /// <summary>One household: a head, perhaps a spouse, children and parents, with ages and marital statuses that agree.</summary>
    private static List<Member> Household(Random random)
    {
        var shape = random.Next(100);
        var members = new List<Member>();
        var headSurname = SurnameIndex(random);
        if (shape < 18)
        {
            var age = Age(random, 20, 92);
            var marital = age < 30 ? "未婚" : age > 65 ? (random.Next(10) < 7 ? "丧偶" : "离婚") : new[] { "未婚", "离婚", "丧偶" }[random.Next(3)];
            members.Add(new Member("户主", random.Next(2) == 0, age, marital, headSurname));
            return members;
        }
        var headAge = shape < 50 ? (random.Next(5) == 0 ? Age(random, 23, 35) : Age(random, 45, 88)) : shape < 85 ? Age(random, 27, 62) : Age(random, 30, 56);
        var headMale = random.Next(4) != 0;
        var spouseSurname = SurnameIndex(random);
        members.Add(new Member("户主", headMale, headAge, "已婚", headSurname));
        members.Add(new Member("配偶", !headMale, Math.Clamp(headAge + random.Next(-4, 4), 20, 100), "已婚", spouseSurname));
        if (shape < 50) return members;
        var fatherSurname = headMale ? headSurname : spouseSurname;
        var children = shape is >= 78 and < 85 ? 2 : 1;
        var childAge = Math.Max(0, headAge - random.Next(22, 36));
        for (var c = 0; c < children; c++, childAge = Math.Max(0, childAge - random.Next(1, 8)))
        {
            var male = random.Next(2) == 0;
            var marital = childAge >= 22 ? (random.Next(10) == 0 ? "离婚" : "未婚") : "未婚";
            members.Add(new Member(male ? "子" : "女", male, childAge, marital, fatherSurname));
        }
        if (shape < 85) return members;
        var parentAge = Math.Min(98, headAge + random.Next(22, 34));
        var parentSurname = SurnameIndex(random);
        if (shape < 93)
        {
            var father = random.Next(3) == 0;
            members.Add(new Member(father ? "父亲" : "母亲", father, parentAge, "丧偶", father ? headSurname : parentSurname));
        }
        else
        {
            members.Add(new Member("父亲", true, parentAge, "已婚", headSurname));
            members.Add(new Member("母亲", false, Math.Min(98, parentAge - random.Next(0, 4)), "已婚", parentSurname));
        }
        return members;
    }

    /// <summary>A valid ID number: the county's code, a birth date of the age, a sequence free for that day (odd for men), the check character.</summary>
    private static string IdNumber(Random random, Dictionary<long, int> sequences, string county, int age, bool male)
    {
        var birth = AsOf.AddYears(-age).AddDays(-random.Next(1, 365));
        while (true)
        {
            var key = (long.Parse(county, CultureInfo.InvariantCulture) * 100_000 + birth.DayNumber) * 2 + (male ? 1 : 0);
            var used = sequences.GetValueOrDefault(key);
            if (used < 449) // sequences 001–898; 900–999 are left for hand-made demo records
            {
                sequences[key] = used + 1;
                var first17 = county + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (used * 2 + (male ? 1 : 2)).ToString("D3", CultureInfo.InvariantCulture);
                return first17 + ResidentIdNumber.CheckCharacter(first17);
            }
            birth = birth.AddDays(1);
        }
    }

    /// <summary>A northeastern age pyramid: few children, a bulge in the fifties and sixties.</summary>
    private static int Age(Random random, int min, int max)
    {
        while (true)
        {
            var age = random.Next(min, max + 1);
            var weight = age switch { < 15 => 45, < 30 => 60, < 45 => 75, < 55 => 95, < 70 => 100, < 80 => 60, _ => 25 };
            if (random.Next(100) < weight) return age;
        }
    }

    private static int SurnameIndex(Random random) => (int)(Math.Pow(random.NextDouble(), 2.2) * Vocabulary.Surnames.Length);

    private static string Surname(int index) => Vocabulary.Surnames[index];

    private static string GivenName(Random random, bool male)
    {
        var pool = male ? Vocabulary.MaleCharacters : Vocabulary.FemaleCharacters;
        return random.Next(10) < 3 ? pool[random.Next(pool.Length)] : pool[random.Next(pool.Length)] + pool[random.Next(pool.Length)];
    }

    private static string Ethnicity(Random random)
    {
        var roll = random.Next(1000);
        foreach (var (name, weight) in Vocabulary.Ethnicities)
        {
            if (roll < weight) return name;
            roll -= weight;
        }
        return Vocabulary.Ethnicities[0].Name;
    }

    // ------------------------------------------------------------------ legal entities

    /// <summary>creditCode, name, entityType, legalRepresentative, address, divisionCode, status, establishedOn, businessScope, legalRepresentativeIdNumber, updatedOn.</summary>
    public IEnumerable<string[]> Entities(long count)
    {
        var random = new Random(seed ^ 0x4C45);
        var representatives = People(ReferencePeople).Where(p => p[10] == "living" && Adult(p)).Select(p => (IdNumber: p[0], Name: p[1])).ToList();
        for (long k = 0; k < count; k++)
        {
            var place = region.Places[random.Next(region.Places.Count)];
            var roll = random.Next(100);
            var (category, type) = roll < 55
                ? ('1', random.Next(100) switch { < 70 => "有限责任公司", < 75 => "股份有限公司", < 90 => "个人独资企业", _ => "合伙企业" })
                : roll < 90 ? ('2', "个体工商户") : ('3', "农民专业合作社");
            var trade = Vocabulary.Trades[random.Next(Vocabulary.Trades.Length)];
            var tradeName = Vocabulary.TradeNames[random.Next(Vocabulary.TradeNames.Length)];
            var prefix = random.Next(10) < 3 ? region.City : place.County;
            var (name, scope) = category switch
            {
                '2' => (place.County + place.Township + tradeName + Vocabulary.Shops[random.Next(Vocabulary.Shops.Length)], "零售；餐饮服务；日用百货销售"),
                '3' => (place.County + (place.Village ?? place.Township) + tradeName + Vocabulary.Crops[random.Next(Vocabulary.Crops.Length)] + "专业合作社",
                    "组织收购、销售成员种植养殖的产品；引进新技术、新品种，开展技术培训、技术交流和咨询服务"),
                _ => (prefix + tradeName + trade.Trade + type switch
                {
                    "股份有限公司" => "股份有限公司",
                    "个人独资企业" => "中心",
                    "合伙企业" => "中心（有限合伙）",
                    _ => "有限公司",
                }, trade.Scope),
            };
            var status = random.Next(100) switch { < 82 => "active", < 93 => "cancelled", < 98 => "revoked", _ => "moved-out" };
            var established = new DateOnly(1995, 1, 1).AddDays(random.Next(0, AsOf.DayNumber - new DateOnly(1995, 1, 1).DayNumber));
            var representative = representatives.Count > 0 ? representatives[random.Next(representatives.Count)] : (IdNumber: "", Name: "张伟");
            yield return
            [
                CreditCodeFor(category, place.County6, k), name, type, representative.Name,
                place.Prefix + (place.Village is null ? Vocabulary.Roads[random.Next(Vocabulary.Roads.Length)] : "") + random.Next(1, 500).ToString(CultureInfo.InvariantCulture) + "号",
                place.Code, status, Date(established), scope, representative.IdNumber,
                Date(established.AddDays(random.Next(0, AsOf.DayNumber - established.DayNumber + 1))),
            ];
        }
    }

    private static bool Adult(string[] person) => int.Parse(person[3].AsSpan(0, 4), CultureInfo.InvariantCulture) is var year && AsOf.Year - year is >= 22 and <= 70;

    /// <summary>
    /// 9 (market regulation) + category + the county's code + an organisation code (GB 11714: "MA" and six characters
    /// numbering the entity, then its own check) + the check character. Hand-made demo codes use other prefixes.
    /// </summary>
    public static string CreditCodeFor(char category, string county6, long serial)
    {
        Span<char> body = stackalloc char[8];
        body[0] = 'M';
        body[1] = 'A';
        var n = (serial * 7_368_787 + 12_345) % 887_503_681; // 31^6: every serial its own code, not in counting order
        for (var i = 7; i >= 2; i--, n /= 31) body[i] = CreditAlphabet[(int)(n % 31)];
        var organisation = new string(body) + OrganisationCheck(body);
        var first17 = "9" + category + county6 + organisation;
        return first17 + CreditCheck(first17);
    }

    /// <summary>GB 11714: weights 3 7 9 10 5 8 4 2 over the eight characters (digits, letters A = 10 …); 11 − sum mod 11, 10 → X, 11 → 0.</summary>
    public static char OrganisationCheck(ReadOnlySpan<char> body)
    {
        ReadOnlySpan<int> weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (char.IsAsciiDigit(body[i]) ? body[i] - '0' : body[i] - 'A' + 10) * weights[i];
        return (11 - sum % 11) switch { 10 => 'X', 11 => '0', var c => (char)('0' + c) };
    }

    /// <summary>GB 32100: weights 3^i mod 31 over the first 17 characters; 31 − sum mod 31.</summary>
    public static char CreditCheck(string first17)
    {
        var (sum, weight) = (0, 1);
        for (var i = 0; i < 17; i++, weight = weight * 3 % 31) sum += CreditAlphabet.IndexOf(first17[i], StringComparison.Ordinal) * weight;
        return CreditAlphabet[(31 - sum % 31) % 31];
    }

    // ------------------------------------------------------------------ geospatial

    /// <summary>code, kind, name, divisionCode, geometry, updatedOn: places and addresses as Points, parcels as small Polygons.</summary>
    public IEnumerable<string[]> Features(long count)
    {
        var random = new Random(seed ^ 0x4745);
        var layout = new Random(seed ^ 0x4C41);
        var centres = region.Places.Select(_ => (Lat: region.Latitude + (layout.NextDouble() - 0.5) * 0.7, Lon: region.Longitude + (layout.NextDouble() - 0.5) * 1.0)).ToArray();
        for (long k = 0; k < count; k++)
        {
            var index = random.Next(region.Places.Count);
            var place = region.Places[index];
            var lat = centres[index].Lat + (random.NextDouble() - 0.5) * 0.02;
            var lon = centres[index].Lon + (random.NextDouble() - 0.5) * 0.02;
            var roll = random.Next(10);
            var n = random.Next(1, 300).ToString(CultureInfo.InvariantCulture);
            var local = place.Village ?? place.Township ?? place.County;
            var (kind, letter, name, geometry) = roll switch
            {
                < 3 => ("place", 'P', local + Vocabulary.Landmarks[random.Next(Vocabulary.Landmarks.Length)], Point(lon, lat)),
                < 7 => ("address", 'A', place.Prefix + (place.Village is null ? Vocabulary.Roads[random.Next(Vocabulary.Roads.Length)] : "") + n + "号", Point(lon, lat)),
                _ => ("parcel", 'L', local + "第" + n + "号宗地", Square(lon, lat, 0.0004 + random.NextDouble() * 0.0016)),
            };
            yield return [letter + place.Code + k.ToString("D7", CultureInfo.InvariantCulture), kind, name, place.Code, geometry, Date(AsOf.AddDays(-random.Next(1, 2000)))];
        }
    }

    private static string Point(double lon, double lat) => string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"Point\",\"coordinates\":[{lon:F6},{lat:F6}]}}");

    private static string Square(double lon, double lat, double half) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"type\":\"Polygon\",\"coordinates\":[[[{lon - half:F6},{lat - half:F6}],[{lon + half:F6},{lat - half:F6}],[{lon + half:F6},{lat + half:F6}],[{lon - half:F6},{lat + half:F6}],[{lon - half:F6},{lat - half:F6}]]]}}");

    // ------------------------------------------------------------------ credit lists

    /// <summary>entryNumber, subjectCode, subjectName, list, reason, sourceDepartment, listedOn, expiresOn, updatedOn.</summary>
    public IEnumerable<string[]> CreditEntries(long count)
    {
        var random = new Random(seed ^ 0x4352);
        var people = People(ReferencePeople).Where(Adult).Select(p => (Code: p[0], Name: p[1])).ToList();
        var entities = Entities(ReferenceEntities).Select(e => (Code: e[0], Name: e[1])).ToList();
        var departments = region.Departments.Count > 0 ? region.Departments : [CreditCodeFor('1', region.Places[0].County6, 999_999)];
        for (long k = 0; k < count; k++)
        {
            var red = random.Next(10) < 4;
            var reasons = (red ? Vocabulary.RedReasons : Vocabulary.BlackReasons).ToArray();
            var (reason, aboutEntity) = reasons[random.Next(reasons.Length)];
            var (code, name) = aboutEntity ? entities[random.Next(entities.Count)] : people[random.Next(people.Count)];
            var listed = new DateOnly(2019, 1, 1).AddDays(random.Next(0, AsOf.DayNumber - new DateOnly(2019, 1, 1).DayNumber));
            DateOnly? expires = red || random.Next(3) > 0 ? listed.AddYears(random.Next(1, 4)) : null;
            var number = string.Create(CultureInfo.InvariantCulture, $"{region.City[..1]}信认〔{listed.Year}〕{k + 1}号");
            yield return
            [
                number, code, name, red ? "red" : "black", reason, departments[random.Next(departments.Count)],
                Date(listed), expires is { } e ? Date(e) : "", Date(listed.AddDays(random.Next(0, 30))),
            ];
        }
    }

    private static int Pick(Random random, int[] weights, int total)
    {
        var roll = random.Next(total);
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i]) return i;
            roll -= weights[i];
        }
        return weights.Length - 1;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
