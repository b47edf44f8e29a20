#!/usr/bin/env python3
"""Validate regions/tieling/catalog.json (the demo provincial catalog feed) against the pack.

Checks: file format (UTF-8 without BOM, 2-space indent, exact keys), code shapes (basic code ≤ 12
ASCII characters, implementation code ≤ 36 = a credit code that verifies under GB 32100 and
GB 11714 and equals departmentCreditCode, plus a 3-18 digit suffix), references to
departments.csv, divisions.csv, halls.json and windows.csv, element values (types, levels,
limits, fees, materials, trips, depth, places, steps, phones, real-name level, cross-region),
coverage (≥ 320 items, every city department ≥ 3 items, the big departments 15-30), required
real items, county implementations and their divergences (≥ 8 basic items), tolerable materials
(90-110 at city level), bundles, and what online application stands on: every item of online depth 3 or 4 has an
application form and a handling process, every material a key (one material name, one key across the feed; no
required paper-only material in a fully online item), every form field a key of one type across the feed, labels and
options in both languages, conditions naming an earlier field and one of its values, an item decided on the spot
(即办) decided by the window clerk. Prints a summary; exit status 1 on any failure.

    python3 tools/check_catalog.py [path/to/catalog.json]
"""
import csv
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REGION = os.path.dirname(HERE)
CITY = "211200000000"

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W32100 = [pow(3, i, 31) for i in range(17)]
W11714 = [3, 7, 9, 10, 5, 8, 4, 2]

TYPES = {"行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励",
         "行政裁决", "其他行政权力", "公共服务"}
LEVELS = {"中央", "省", "市", "县", "乡镇/街道", "村/社区"}
THEMES = {
    "户籍办理", "出入境", "社会保障", "医疗卫生", "住房保障", "婚姻登记", "教育科研", "交通出行",
    "就业创业", "设立变更", "准营准办", "资质认证", "工程建设", "税收财务", "民政事务", "司法公证",
    "农林牧渔", "生态环保", "文化旅游", "退役军人", "残疾人服务", "安全生产", "档案查询",
}
SUBJECT_SETS = [["person"], ["legal-person"], ["person", "legal-person"]]
REGISTRY_FACTS = {"population.identity", "population.household", "population.marriage",
                  "legal-entity.registration", "geospatial.parcel",
                  "housing-fund.deposit", "medical-insurance.enrolment"}  # the last two: department_facts.csv
CROSS = {None, "全市通办", "全省通办", "跨省通办"}
TOP_KEYS = ["feed", "issuedAt", "items", "bundles"]
ITEM_KEYS = ["basicCode", "implementationCode", "name", "type", "level", "divisionCode",
             "departmentCreditCode", "legalBasis", "subjects", "themes", "lifeEvents", "statutoryLimit",
             "promisedLimit", "fees", "materials", "trips", "onlineDepth", "places", "steps",
             "consultationPhone", "complaintPhone", "realNameLevel", "crossRegion", "summary"]
MATERIAL_KEYS = ["name", "required", "condition", "form", "copies", "medium", "tolerable", "blankForm",
                 "sample", "registryFact", "license"]
FEE_KEYS = ["name", "amount", "basis"]
FIELD_TYPES = {"Text", "LongText", "Number", "Date", "Choice", "MultiChoice", "YesNo", "IdNumber", "CreditCode", "Phone", "Division"}
ROLES = {"window-clerk", "station-agent", "reviewer", "approver", "legality-reviewer", "leader"}
KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
FIELD_KEYS = {"key", "labelZh", "labelEn", "type", "required", "options", "visibleWhen", "maxLength", "min", "max", "hintZh", "hintEn"}
# The showcase items of demo_forms.py, written by hand.
HAND_WRITTEN = {"户口迁移（迁入）", "居住证申领", "个体工商户设立登记", "食品经营许可", "烟草专卖零售许可证核发"}
PLACE_KEYS = ["hall", "windows", "hours"]
STATION_PLACE_KEYS = ["station", "windows", "hours"]  # a township or village station (tools/make_station_items.py)
BUNDLE_KEYS = ["code", "name", "subjects", "summary", "items"]

# Departments that must have 15-30 city-level items.
BIG = ["铁岭市公安局", "铁岭市人力资源和社会保障局", "铁岭市市场监督管理局", "铁岭市自然资源局",
       "铁岭市不动产登记中心", "铁岭市住房和城乡建设局", "铁岭市卫生健康委员会", "铁岭市民政局",
       "铁岭市医疗保障局", "铁岭市住房公积金管理中心", "国家税务总局铁岭市税务局", "铁岭市交通运输局"]
# Real items the brief names; matched as substrings of item names.
REQUIRED_ITEMS = [
    "居民身份证申领", "居民身份证换领", "临时居民身份证申领", "户口迁移（迁入）", "户口迁移（迁出）", "出生登记",
    "死亡注销户口", "企业设立登记", "企业变更登记", "企业注销登记", "个体工商户设立登记", "食品经营许可",
    "药品零售企业许可", "住房公积金提取（购房）", "住房公积金提取（租房）", "住房公积金提取（退休）",
    "住房公积金个人贷款", "不动产首次登记", "不动产转移登记", "不动产抵押登记", "建筑工程施工许可证核发",
    "建设工程规划许可证核发", "建设用地规划许可证核发", "最低生活保障审批", "特困人员认定", "结婚登记",
    "离婚登记", "出生医学证明", "医师执业注册", "护士执业注册", "城乡居民基本养老保险参保登记", "失业保险金申领",
    "职工基本医疗保险参保登记", "异地就医备案", "道路运输经营许可", "机动车驾驶证换证", "残疾人证办理",
    "退役军人优待证申领", "排污许可", "取水许可", "林木采伐许可", "烟草专卖零售许可证核发", "增值税发票领用",
    "社会团体成立登记", "民办非企业单位成立登记", "法律援助申请", "公证", "律师执业许可",
]
REQUIRED_BUNDLES = ["开办企业", "新生儿出生", "退休", "结婚生育"]
REQUIRED_BUNDLES_EITHER = [("不动产登记及水电气过户", "二手房转移登记"), ("身故后事", "社保卡申领及就业")]
LANDLINE = re.compile(r"^024-7\d{7}$")
CJK = re.compile(r"[\u4e00-\u9fff]")
TRADITIONAL = set("鐵嶺區縣鄉鎮務處設廳審發鷺線開門車見長東間與為對從會體關點問題產業廣電條據辦權當時實現員標準網聯運動達計"
                  "證書讓戶離險醫療藥劑營執稅資質號記錄請們於這個來過還")

errors, warnings = [], []
checks = 0


def check(cond, msg):
    global checks
    checks += 1
    if not cond:
        errors.append(msg)
    return cond


def warn(cond, msg):
    if not cond:
        warnings.append(msg)


def credit_problems(code):
    if not isinstance(code, str) or len(code) != 18:
        return "not 18 characters"
    if any(c not in ALPHABET for c in code):
        return "characters outside the GB 32100 alphabet"
    s = sum(ALPHABET.index(c) * w for c, w in zip(code[:17], W32100))
    if ALPHABET[(31 - s % 31) % 31] != code[17]:
        return "GB 32100 check character does not verify"
    org = code[8:17]
    try:
        vals = [int(c) if c.isdigit() else ord(c) - 55 for c in org[:8]]
    except ValueError:
        return "bad organisation code"
    c9 = 11 - sum(v * w for v, w in zip(vals, W11714)) % 11
    expect = "X" if c9 == 10 else "0" if c9 == 11 else str(c9)
    if expect != org[8]:
        return "GB 11714 organisation-code check does not verify"
    return None


def read_csv(name):
    with open(os.path.join(REGION, name), encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def texts(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, list):
        for x in obj:
            yield from texts(x)
    elif isinstance(obj, dict):
        for x in obj.values():
            yield from texts(x)


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def material_sig(m):
    return (m["name"], m["required"], m["condition"], m["form"], m["copies"], m["medium"])


def bilingual(zh, en):
    """A Chinese text with Chinese in it and an English one without: what a person reads in either language."""
    return isinstance(zh, str) and CJK.search(zh) is not None and isinstance(en, str) and en.strip() != "" and not CJK.search(en)


def check_definitions(it, where, field_types):
    """The application form and the process of an item (demo_forms.py, forms_by_kind.py): sound and bilingual."""
    seen = {}
    check(len(it["form"]["fields"]) >= 1, f"{where}: an empty form")
    for f in it["form"]["fields"]:
        fw = f"{where}: form field {f.get('key')}"
        check(set(f) <= FIELD_KEYS and KEY.match(f["key"]) and f["key"] not in seen and f["type"] in FIELD_TYPES, fw)
        check(bilingual(f["labelZh"], f["labelEn"]), f"{fw}: label in both languages")
        # A hint may quote an example value in Chinese (辽M12345) in both languages.
        check(("hintZh" in f) == ("hintEn" in f) and ("hintZh" not in f or (CJK.search(f["hintZh"]) and f["hintEn"].strip())), f"{fw}: hint in both languages")
        check(isinstance(f["required"], bool), f"{fw}: required")
        check(("options" in f) == (f["type"] in ("Choice", "MultiChoice")), f"{fw}: options only for choices")
        options = f.get("options", [])
        check(all(KEY.match(o["value"]) or o["value"].isdigit() for o in options) and len({o["value"] for o in options}) == len(options)
              and all(bilingual(o["labelZh"], o["labelEn"]) for o in options), f"{fw}: options")
        if "visibleWhen" in f:
            source = seen.get(f["visibleWhen"]["field"])
            values = {"yes", "no"} if source and source["type"] == "YesNo" else {o["value"] for o in (source or {}).get("options", [])}
            check(source is not None and f["visibleWhen"]["equalsValue"] in values, f"{fw}: the condition names an earlier field and one of its values")
        check(f.get("min", 0) <= f.get("max", f.get("min", 0)), f"{fw}: min > max")
        check(f.get("maxLength", 1) >= 1 and ("maxLength" not in f or f["type"] in ("Text", "LongText")), f"{fw}: maxLength")
        check(("min" not in f and "max" not in f) or f["type"] == "Number", f"{fw}: a range only for numbers")
        field_types[f["key"]].add(f["type"])
        seen[f["key"]] = f
    steps = [s["key"] for s in it["process"]]
    check(steps and all(KEY.match(s) for s in steps) and len(set(steps)) == len(steps)
          and all(s["role"] in ROLES and bilingual(s["nameZh"], s["nameEn"]) for s in it["process"]), f"{where}: process")
    if it["promisedLimit"] == 0 and it["name"] not in HAND_WRITTEN:
        check([s["role"] for s in it["process"]] == ["window-clerk"], f"{where}: an item decided on the spot (即办) is decided by the window clerk")


def check_online(it, where, key_of_name):
    """An item applied for online has what that needs: a form, a process, a key on every material (one name, one key)."""
    keys = [m.get("key") for m in it["materials"]]
    check(all(k and KEY.match(k) for k in keys) and len(set(keys)) == len(keys), f"{where}: material keys {keys}")
    for m in it["materials"]:
        if m.get("key"):
            first = key_of_name.setdefault(m["name"], m["key"])
            check(first == m["key"], f"{where}: material {m['name']} has the key {m['key']} here and {first} elsewhere")
    if it["onlineDepth"] >= 3:
        check("form" in it and "process" in it, f"{where}: online depth {it['onlineDepth']} but no application form or process")
    if it["onlineDepth"] == 4:  # 全程网办: every required material can be given online
        paper = [m["name"] for m in it["materials"] if m["required"] == "required" and m["medium"] == "paper"]
        check(not paper, f"{where}: fully online, but {paper} only on paper")


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REGION, "catalog.json")
    raw = open(path, "rb").read()
    check(not raw.startswith(b"\xef\xbb\xbf"), "catalog.json has a UTF-8 BOM")
    text = raw.decode("utf-8")
    doc = json.loads(text)
    check(text == json.dumps(doc, ensure_ascii=False, indent=2) + "\n",
          "catalog.json is not in canonical form (UTF-8 characters, 2-space indent, final newline)")
    check(list(doc) == TOP_KEYS, f"top-level keys {list(doc)} != {TOP_KEYS}")
    check(doc.get("feed") == "liaoning-provincial-catalog", "feed name")
    check(doc.get("issuedAt") == "2026-11-20", "issuedAt")
    bad_trad = sorted({c for t in texts(doc) for c in t if c in TRADITIONAL})
    check(not bad_trad, f"traditional characters in text: {''.join(bad_trad)}")

    depts = read_csv("departments.csv")
    dept_by_code = {d["credit_code"]: d for d in depts}
    city_depts = [d for d in depts if d["division_code"] == CITY]
    divisions = {d["code"]: d for d in read_csv("divisions.csv")}
    with open(os.path.join(REGION, "halls.json"), encoding="utf-8") as fh:
        halls = {h["slug"]: h for h in json.load(fh)}
    stations = {s["key"]: s for s in read_csv("stations.csv")}
    windows = {(w["hall_slug"], w["number"]): w for w in read_csv("windows.csv")}
    hall_owner = {}  # slug -> credit code of the hall's 营商环境建设局
    for d in depts:
        if d["name"].endswith("营商环境建设局"):
            for h in halls.values():
                if h["divisionCode"] == d["division_code"]:
                    hall_owner[h["slug"]] = d["credit_code"]

    items = doc["items"]
    bundles = doc["bundles"]
    bundle_names = {b.get("name") for b in bundles}
    membership = defaultdict(set)  # basicCode -> bundle names
    for b in bundles:
        for code in b.get("items", []):
            membership[code].add(b.get("name"))

    impl_seen = Counter(i.get("implementationCode") for i in items)
    for code, n in impl_seen.items():
        check(n == 1, f"duplicate implementationCode {code} ({n}x)")

    foreign_windows = []
    key_of_name, field_types = {}, defaultdict(set)
    for it in items:
        where = f"{it.get('implementationCode')} {it.get('name')}"
        extra = list(it)[len(ITEM_KEYS):]
        if not check(list(it)[:len(ITEM_KEYS)] == ITEM_KEYS and extra in ([], ["form", "process"]), f"{where}: keys {list(it)}"):
            continue
        check_online(it, where, key_of_name)
        if extra:
            check_definitions(it, where, field_types)
        bc, ic, credit = it["basicCode"], it["implementationCode"], it["departmentCreditCode"]
        check(isinstance(bc, str) and 0 < len(bc) <= 12 and bc.isascii() and bc.isalnum(),
              f"{where}: basicCode {bc!r} must be ≤ 12 ASCII letters/digits")
        warn(len(bc) == 12 and bc.isdigit(), f"{where}: basicCode {bc!r} is not 12 digits like the real ones")
        check(isinstance(ic, str) and len(ic) <= 36, f"{where}: implementationCode longer than 36")
        prob = credit_problems(ic[:18])
        check(prob is None, f"{where}: implementationCode prefix {ic[:18]}: {prob}")
        check(ic[:18] == credit, f"{where}: implementationCode prefix != departmentCreditCode")
        check(ic[18:].isdigit() and 3 <= len(ic[18:]) <= 18, f"{where}: implementationCode suffix {ic[18:]!r}")
        dept = dept_by_code.get(credit)
        check(dept is not None, f"{where}: departmentCreditCode {credit} not in departments.csv")
        check(it["divisionCode"] in divisions, f"{where}: divisionCode {it['divisionCode']} not in divisions.csv")
        if dept:
            check(dept["division_code"] == it["divisionCode"], f"{where}: divisionCode differs from the department's")
        check(it["type"] in TYPES, f"{where}: type {it['type']}")
        check(it["level"] in LEVELS, f"{where}: level {it['level']}")
        div = divisions.get(it["divisionCode"], {})
        expect_level = {"city": "市", "county": "县"}.get(div.get("level"))
        check(it["level"] == expect_level, f"{where}: level {it['level']} does not match division level {div.get('level')}")
        check(isinstance(it["name"], str) and CJK.search(it["name"]), f"{where}: name")
        check(isinstance(it["legalBasis"], str) and "《" in it["legalBasis"], f"{where}: legalBasis cites no law")
        check(it["subjects"] in SUBJECT_SETS, f"{where}: subjects {it['subjects']}")
        check(1 <= len(it["themes"]) <= 2 and all(t in THEMES for t in it["themes"]) and len(set(it["themes"])) == len(it["themes"]),
              f"{where}: themes {it['themes']}")
        check(set(it["lifeEvents"]) <= bundle_names, f"{where}: lifeEvents {it['lifeEvents']} not all bundles")
        check(set(it["lifeEvents"]) == membership.get(bc, set()), f"{where}: lifeEvents disagree with bundle membership")
        st, pr = it["statutoryLimit"], it["promisedLimit"]
        check(st is None or (is_int(st) and st >= 0), f"{where}: statutoryLimit {st!r}")
        check(is_int(pr) and pr >= 0, f"{where}: promisedLimit {pr!r}")
        if is_int(st) and is_int(pr):
            check(pr <= st, f"{where}: promisedLimit {pr} > statutoryLimit {st}")
        for f in it["fees"]:
            check(list(f) == FEE_KEYS and all(isinstance(f[k], str) and f[k] for k in FEE_KEYS) and "《" in f["basis"],
                  f"{where}: fee {f}")
        mats = it["materials"]
        check(1 <= len(mats) <= 8, f"{where}: {len(mats)} materials")
        check(len({m.get('name') for m in mats}) == len(mats), f"{where}: duplicate material names")
        for m in mats:
            mw = f"{where}: material {m.get('name')}"
            if not check(list(m) in (MATERIAL_KEYS, MATERIAL_KEYS + ["key"]), f"{mw}: keys {list(m)}"):
                continue
            check(m["required"] in ("required", "conditional"), f"{mw}: required")
            check((m["required"] == "conditional") == bool(m["condition"]), f"{mw}: condition only for conditional materials")
            check(m["form"] in ("original", "copy", "original-and-copy"), f"{mw}: form")
            check(is_int(m["copies"]) and 1 <= m["copies"] <= 10, f"{mw}: copies")
            check(m["medium"] in ("paper", "electronic", "either"), f"{mw}: medium")
            check(isinstance(m["tolerable"], bool), f"{mw}: tolerable")
            check(m["blankForm"] is None or (isinstance(m["blankForm"], str) and "." in m["blankForm"]), f"{mw}: blankForm")
            check(m["sample"] is None or m["blankForm"] is not None, f"{mw}: sample without blank form")
            check(m["registryFact"] is None or m["registryFact"] in REGISTRY_FACTS, f"{mw}: registryFact {m['registryFact']}")
            check(m["license"] is None or (isinstance(m["license"], str) and m["license"]), f"{mw}: license")
        check(it["trips"] in (0, 1, 2), f"{where}: trips")
        check(it["onlineDepth"] in (1, 2, 3, 4), f"{where}: onlineDepth")
        check(len(it["places"]) >= 1, f"{where}: no places")
        for p in it["places"]:
            if list(p) == STATION_PLACE_KEYS:
                station = stations.get(p["station"])
                if check(station is not None, f"{where}: station {p['station']} not in stations.csv"):
                    check(it["divisionCode"][:6] == "211200" or station["division_code"][:6] == it["divisionCode"][:6],
                          f"{where}: station {p['station']} is not in the item's county")
                check(p["windows"] == [] and isinstance(p["hours"], str) and p["hours"], f"{where}: station place")
                continue
            if not check(list(p) == PLACE_KEYS, f"{where}: place keys {list(p)}"):
                continue
            hall = halls.get(p["hall"])
            if not check(hall is not None, f"{where}: hall {p['hall']} not in halls.json"):
                continue
            check(hall["divisionCode"] == it["divisionCode"], f"{where}: hall {p['hall']} is not in the item's division")
            check(len(p["windows"]) >= 1 and len(set(p["windows"])) == len(p["windows"]), f"{where}: windows {p['windows']}")
            for w in p["windows"]:
                row = windows.get((p["hall"], w))
                if check(row is not None, f"{where}: window {p['hall']}/{w} not in windows.csv"):
                    owner = row["department_credit_code"]
                    if owner != credit:
                        check(owner == hall_owner.get(p["hall"]),
                              f"{where}: window {p['hall']}/{w} belongs to neither the department nor the hall")
                        foreign_windows.append(w)
            check(isinstance(p["hours"], str) and p["hours"].startswith("法定工作日"), f"{where}: hours")
        check(3 <= len(it["steps"]) <= 6 and all(isinstance(s, str) and s for s in it["steps"]), f"{where}: steps")
        check(bool(LANDLINE.match(it["consultationPhone"] or "")), f"{where}: consultationPhone {it['consultationPhone']}")
        if dept:
            warn(it["consultationPhone"] == dept["phone"], f"{where}: consultationPhone is not the department's")
        check(it["complaintPhone"] == "12345", f"{where}: complaintPhone")
        check(it["realNameLevel"] in (1, 2, 3), f"{where}: realNameLevel")
        check(it["crossRegion"] in CROSS, f"{where}: crossRegion {it['crossRegion']}")
        check(isinstance(it["summary"], str) and CJK.search(it["summary"]) and len(it["summary"]) <= 200, f"{where}: summary")
        if it["onlineDepth"] == 4:
            warn(it["trips"] == 0, f"{where}: fully online but trips {it['trips']}")

    for key, types in field_types.items():
        check(len(types) == 1, f"form field {key} has several types {sorted(types)}: one key, one thing")

    # Basic items and their implementations.
    city = [i for i in items if i.get("level") == "市"]
    county = [i for i in items if i.get("level") == "县"]
    by_basic = defaultdict(list)
    for it in items:
        by_basic[it["basicCode"]].append(it)
    city_basic = Counter(i["basicCode"] for i in city)
    for code, n in city_basic.items():
        check(n == 1, f"basicCode {code} has {n} city-level items")
    for code, impls in by_basic.items():
        check(len({(i["name"], i["type"]) for i in impls}) == 1, f"basicCode {code}: implementations differ in name or type")
        check(len({i["divisionCode"] for i in impls}) == len(impls), f"basicCode {code}: two implementations in one division")
    county_basics = {i["basicCode"] for i in county}
    for code in county_basics:
        check(city_basic.get(code) == 1, f"basicCode {code}: county implementation without a city item")

    divergent = {}
    for code in sorted(county_basics):
        impls = by_basic[code]
        ref = next(i for i in impls if i["level"] == "市")
        kinds = set()
        for i in impls:
            if i is ref:
                continue
            if (i["promisedLimit"], i["statutoryLimit"]) != (ref["promisedLimit"], ref["statutoryLimit"]):
                kinds.add("limits")
            if sorted(map(material_sig, i["materials"])) != sorted(map(material_sig, ref["materials"])):
                kinds.add("materials")
            if i["fees"] != ref["fees"]:
                kinds.add("fees")
        if kinds:
            divergent[code] = (ref["name"], sorted(kinds))
    check(len(divergent) >= 8, f"only {len(divergent)} basic items diverge between city and county (need ≥ 8)")
    check(30 <= len(county_basics) <= 50, f"{len(county_basics)} basic items have county implementations (about 40 wanted)")

    # Coverage.
    check(len(items) >= 320, f"only {len(items)} items (need ≥ 320)")
    per_dept = Counter(i["departmentCreditCode"] for i in city)
    for d in city_depts:
        n = per_dept.get(d["credit_code"], 0)
        check(n >= 3, f"{d['name']}: {n} city items (need ≥ 3)")
        if d["name"] in BIG:
            check(15 <= n <= 30, f"{d['name']}: {n} city items (a big department needs 15-30)")
    names = [i["name"] for i in city]
    for req in REQUIRED_ITEMS:
        check(any(req in n for n in names), f"required item {req} missing")

    # Tolerable materials (容缺受理): the centre reports 11 window departments, 48 items, 99 materials.
    tol_city = [(i, m) for i in city for m in i["materials"] if m["tolerable"]]
    tol_items = {i["implementationCode"] for i, _ in tol_city}
    tol_depts = {i["departmentCreditCode"] for i, _ in tol_city}
    tol_all = sum(m["tolerable"] for i in items for m in i["materials"])
    check(90 <= len(tol_city) <= 110, f"{len(tol_city)} tolerable materials at city level (90-110 wanted)")
    check(40 <= len(tol_items) <= 60, f"{len(tol_items)} city items with tolerable materials (about 50 wanted)")
    check(9 <= len(tol_depts) <= 13, f"{len(tol_depts)} city departments with tolerable materials (about 11 wanted)")

    # Bundles.
    check(len(bundles) >= 6, f"only {len(bundles)} bundles")
    check(len({b.get('code') for b in bundles}) == len(bundles), "duplicate bundle codes")
    check(len(bundle_names) == len(bundles), "duplicate bundle names")
    for req in REQUIRED_BUNDLES:
        check(req in bundle_names, f"bundle {req} missing")
    for a, b in REQUIRED_BUNDLES_EITHER:
        check(a in bundle_names or b in bundle_names, f"bundle {a} or {b} missing")
    city_by_basic = {i["basicCode"]: i for i in city}
    for b in bundles:
        bw = f"bundle {b.get('code')}"
        if not check(list(b) == BUNDLE_KEYS, f"{bw}: keys {list(b)}"):
            continue
        check(re.match(r"^LE-[A-Z]+$", b["code"]) is not None, f"{bw}: code shape")
        check(b["subjects"] in SUBJECT_SETS, f"{bw}: subjects")
        check(isinstance(b["summary"], str) and CJK.search(b["summary"]), f"{bw}: summary")
        check(3 <= len(b["items"]) <= 6 and len(set(b["items"])) == len(b["items"]), f"{bw}: {len(b['items'])} items")
        for code in b["items"]:
            check(code in city_by_basic, f"{bw}: item {code} not in the catalog")
        counts = Counter(m["name"] for code in b["items"] if code in city_by_basic
                         for m in city_by_basic[code]["materials"])
        check(any(n >= 2 for n in counts.values()), f"{bw}: no material repeated across its items")

    # Distributions (soft targets from the brief).
    reg = sum(1 for i in city for m in i["materials"] if m["registryFact"] or m["license"])
    mats_city = sum(len(i["materials"]) for i in city)
    trips01 = sum(1 for i in city if i["trips"] in (0, 1))
    depth34 = sum(1 for i in city if i["onlineDepth"] in (3, 4))
    check(0.80 <= trips01 / len(city) <= 0.95, f"items with 0 or 1 trips: {trips01}/{len(city)} (about 87 % wanted)")
    check(depth34 / len(city) >= 0.85, f"items at online depth 3-4: {depth34}/{len(city)} (about 90 % wanted)")
    check(0.22 <= reg / mats_city <= 0.40, f"registry/license-backed materials {reg}/{mats_city} (about 30 % wanted)")
    rn = Counter(i["realNameLevel"] for i in city)
    check(rn[2] > rn[1] + rn[3], f"real-name levels {dict(rn)}: most should be 2")
    types = Counter(i["type"] for i in city)
    main4 = sum(types[t] for t in ("行政许可", "行政确认", "行政给付", "公共服务"))
    check(main4 / len(city) >= 0.7, f"types {dict(types)}: mostly 许可/确认/给付/公共服务 wanted")

    # Summary.
    name_of = {d["credit_code"]: d["name"] for d in depts}
    counts = sorted((per_dept.get(d["credit_code"], 0), d["name"]) for d in city_depts)
    print(f"items: {len(items)} ({len(city)} city, {len(county)} county); basic items: {len(by_basic)}; "
          f"materials: {sum(len(i['materials']) for i in items)}")
    print(f"city items per department: min {counts[0][0]} ({counts[0][1]}), max {counts[-1][0]} ({counts[-1][1]})")
    print("  big departments: " + ", ".join(f"{name_of[d['credit_code']].replace('铁岭市', '')} {per_dept[d['credit_code']]}"
                                            for d in city_depts if d["name"] in BIG))
    per_county = Counter(name_of[i["departmentCreditCode"]] for i in county)
    print(f"county implementations: {len(county)} rows of {len(county_basics)} basic items; "
          + ", ".join(f"{k.replace('营商环境建设局', '')} {v}" for k, v in per_county.items()))
    print(f"divergent basic items: {len(divergent)}")
    for code, (name, kinds) in divergent.items():
        print(f"  {code} {name}: {', '.join(kinds)}")
    print(f"tolerable materials (容缺): {len(tol_city)} at city level over {len(tol_items)} items of "
          f"{len(tol_depts)} departments; {tol_all} in the whole feed (county copies included)")
    print(f"bundles: {len(bundles)} — " + ", ".join(f"{b['name']} {len(b['items'])}" for b in bundles))
    print(f"types: " + ", ".join(f"{k} {v}" for k, v in types.most_common()))
    print(f"trips 0/1: {trips01 / len(city):.0%}; online depth 3-4: {depth34 / len(city):.0%}; "
          f"registry/license materials: {reg / mats_city:.0%}; real-name levels: {dict(sorted(rn.items()))}; "
          f"cross-region: {dict(Counter(i['crossRegion'] for i in city))}")
    online = [i for i in items if i["onlineDepth"] >= 3]
    formed = [i for i in items if "form" in i]
    sizes = sorted(len(i["form"]["fields"]) for i in formed)
    print(f"forms: {len(formed)} items have an application form and a process ({len(online)} can be applied for online; "
          f"{sum(i['name'] in HAND_WRITTEN for i in formed)} hand-written, {sum(i['name'] not in HAND_WRITTEN for i in formed)} by kind); "
          f"fields per form {sizes[0]}–{sizes[-1]} (median {sizes[len(sizes) // 2]}), {len(field_types)} field keys; "
          f"{len(set(key_of_name.values()))} material keys for {len(key_of_name)} material names")
    print(f"windows outside the department used (hall's own 综合/容缺 windows): {dict(Counter(foreign_windows))}")
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("FAIL", e)
    print(f"{checks - len(errors)} checks passed, {len(errors)} failed, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
