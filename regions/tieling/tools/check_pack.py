#!/usr/bin/env python3
"""Validate the Tieling demo region pack. Exit code 0 when every check passes.

Usage: check_pack.py [PACK_DIR]   (default: the folder above this tools/ folder)
"""
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_codes  # noqa: E402

CITY = "211200000000"
COUNTY_CODES = {"211202", "211204", "211221", "211223", "211224", "211281", "211282"}
COUNTY_SLUGS = {"211202": "yinzhou", "211204": "qinghe", "211221": "tieling-county", "211223": "xifeng",
                "211224": "changtu", "211281": "diaobingshan", "211282": "kaiyuan"}
LEVELS = ("province", "city", "county", "township", "village")
HEADERS = {
    "divisions.csv": ["code", "name", "level", "valid_from", "valid_to"],
    "departments.csv": ["credit_code", "name", "name_en", "division_code", "phone", "address"],
    "windows.csv": ["hall_slug", "number", "department_credit_code", "name", "name_en"],
    "stations.csv": ["key", "name", "kind", "division_code", "address", "phone", "hours"],
    "station_staff.csv": ["station_key", "name", "role", "phone"],
}
HALL_KEYS = ["slug", "name", "nameEn", "divisionCode", "address", "addressEn", "busRoutes", "busStop",
             "openingHours", "phone", "latitude", "longitude", "introduction", "introductionEn", "foundedOn",
             "floorArea", "departmentCount", "staffCount", "itemCount", "figures"]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
HOURS = re.compile(r"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$")
LANDLINE = re.compile(r"^024-7\d{7}$")
MOBILE = re.compile(r"^13\d{9}$")
CJK = re.compile(r"[\u4e00-\u9fff]")
# Traditional forms that must not appear (the text is to be in simplified Chinese).
TRADITIONAL = set("鐵嶺區縣鄉鎮務處設廳審發鷺線開門車見長東間與為對從會體關點問題產業廣電條區據辦權當時實現員標準網聯運動達計")

errors = []
checks = 0


def fail(msg):
    errors.append(msg)


def check(cond, msg):
    global checks
    checks += 1
    if not cond:
        fail(msg)


def read_text(path):
    raw = open(path, "rb").read()
    check(not raw.startswith(b"\xef\xbb\xbf"), f"{os.path.basename(path)}: has a UTF-8 BOM")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        fail(f"{os.path.basename(path)}: not UTF-8 ({exc})")
        return ""


def read_csv(pack, name):
    text = read_text(os.path.join(pack, name))
    rows = list(csv.reader(text.splitlines()))
    check(bool(rows), f"{name}: empty")
    if not rows:
        return []
    check(rows[0] == HEADERS[name], f"{name}: header {rows[0]} != {HEADERS[name]}")
    out = []
    for i, r in enumerate(rows[1:], start=2):
        check(len(r) == len(HEADERS[name]), f"{name}:{i}: {len(r)} fields, expected {len(HEADERS[name])}")
        out.append(dict(zip(HEADERS[name], r)))
    return out


def simplified(text, where):
    bad = sorted({c for c in text if c in TRADITIONAL})
    check(not bad, f"{where}: traditional characters {''.join(bad)}")


def level_of(code):
    """Level implied by the shape of a 12-digit code, or None."""
    if code[2:] == "0" * 10:
        return "province"
    if code[4:] == "0" * 8:
        return "city"
    if code[6:] == "0" * 6:
        return "county"
    if code[9:] == "000":
        return "township"
    return "village"


def parent_of(code, level):
    return {"city": code[:2] + "0" * 10, "county": code[:4] + "0" * 8,
            "township": code[:6] + "0" * 6, "village": code[:9] + "000"}.get(level)


def check_divisions(pack):
    rows = read_csv(pack, "divisions.csv")
    codes = {}
    for r in rows:
        c = r["code"]
        check(re.fullmatch(r"\d{12}", c) is not None, f"divisions: code {c!r} is not 12 digits")
        check(c not in codes, f"divisions: duplicate code {c}")
        check(r["level"] in LEVELS, f"divisions: {c} has unknown level {r['level']!r}")
        if re.fullmatch(r"\d{12}", c):
            check(level_of(c) == r["level"], f"divisions: {c} is shaped like a {level_of(c)}, not {r['level']}")
        check(bool(r["name"]) and CJK.search(r["name"]) is not None, f"divisions: {c} has no Chinese name")
        simplified(r["name"], f"divisions {c}")
        check(DATE.match(r["valid_from"]) is not None, f"divisions: {c} valid_from {r['valid_from']!r}")
        check(r["valid_to"] == "" or (DATE.match(r["valid_to"]) and r["valid_to"] >= r["valid_from"]),
              f"divisions: {c} valid_to {r['valid_to']!r}")
        codes[c] = r
    for c, r in codes.items():
        if r["level"] == "province":
            continue
        p = parent_of(c, r["level"])
        check(p in codes, f"divisions: parent {p} of {c} ({r['name']}) is missing")
    check(codes.get("210000000000", {}).get("name") == "辽宁省", "divisions: 辽宁省 missing")
    check(codes.get(CITY, {}).get("name") == "铁岭市", "divisions: 铁岭市 missing")
    for cc in COUNTY_CODES:
        check(cc + "000000" in codes, f"divisions: county {cc} missing")
        towns = [c for c, r in codes.items() if r["level"] == "township" and c.startswith(cc)]
        check(len(towns) >= 3, f"divisions: county {cc} has only {len(towns)} townships")
    tl_towns = [c for c, r in codes.items() if r["level"] == "township" and c.startswith("211221")]
    for t in tl_towns:
        villages = [c for c, r in codes.items() if r["level"] == "village" and c.startswith(t[:9])]
        check(len(villages) >= 1, f"divisions: 铁岭县 township {t} has no village/community")
    return codes


def check_departments(pack, divisions):
    rows = read_csv(pack, "departments.csv")
    by_code = {}
    names = set()
    for r in rows:
        c = r["credit_code"]
        problems = make_codes.verify(c)
        check(not problems, f"departments: {r['name']}: {'; '.join(problems)}")
        check(c[:2] in ("11", "12", "13"), f"departments: {c} prefix {c[:2]} is not a 机构编制 category")
        check(c not in by_code, f"departments: duplicate credit code {c}")
        check(r["name"] not in names, f"departments: duplicate name {r['name']}")
        check(r["division_code"] in divisions, f"departments: {r['name']} division {r['division_code']} unknown")
        check(c[2:8] == r["division_code"][:6], f"departments: {c} division part != {r['division_code'][:6]}")
        check(LANDLINE.match(r["phone"]) is not None, f"departments: {r['name']} phone {r['phone']!r}")
        check(bool(r["name_en"]) and r["name_en"].isascii(), f"departments: {r['name']} English name")
        check(bool(r["address"]), f"departments: {r['name']} has no address")
        simplified(r["name"] + r["address"], f"departments {r['name']}")
        by_code[c] = r
        names.add(r["name"])
    city = [r for r in rows if r["division_code"] == CITY]
    check(len(city) == 39, f"departments: {len(city)} city departments, expected 39")
    check(len(rows) == 46, f"departments: {len(rows)} rows, expected 46")
    for cc in COUNTY_CODES:
        own = [r for r in rows if r["division_code"] == cc + "000000"]
        check(len(own) == 1 and ("行政审批局" in own[0]["name"] or "营商环境建设局" in own[0]["name"]),
              f"departments: county {cc} needs exactly one 行政审批局/营商环境建设局")
    required = ["发展和改革委员会", "公安局", "民政局", "司法局", "人力资源和社会保障局", "自然资源局", "生态环境局",
                "住房和城乡建设局", "交通运输局", "农业农村局", "商务局", "卫生健康委员会", "市场监督管理局",
                "医疗保障局", "营商环境建设局", "住房公积金管理中心", "不动产登记中心", "税务局", "应急管理局",
                "退役军人事务局", "教育局", "文化旅游和广播电视局", "水利局", "城市管理综合行政执法局",
                "残疾人联合会", "消防救援支队"]
    for word in required:
        check(any(word in r["name"] for r in city), f"departments: no city department named *{word}")
    return by_code


def check_halls(pack, divisions, depts):
    text = read_text(os.path.join(pack, "halls.json"))
    halls = json.loads(text)
    check(isinstance(halls, list) and len(halls) == 8, "halls.json: expected an array of 8 halls")
    slugs = {}
    for hall in halls:
        s = hall.get("slug")
        keys = [k for k in hall.keys() if k != "extraSessions"]
        check(keys == HALL_KEYS and list(hall.keys())[len(HALL_KEYS):] in ([], ["extraSessions"]),
              f"halls: {s} keys {list(hall.keys())} != {HALL_KEYS} (+ extraSessions)")
        for x in hall.get("extraSessions", []):
            check(x.get("kind") in ("extended", "weekend") and HHMM.match(x.get("from", "")) and HHMM.match(x.get("to", ""))
                  and x["from"] < x["to"] and x.get("days") and x.get("windows"), f"halls: {s} bad extra session {x}")
        check(s not in slugs, f"halls: duplicate slug {s}")
        slugs[s] = hall
        check(hall.get("divisionCode") in divisions, f"halls: {s} division {hall.get('divisionCode')} unknown")
        for oh in hall.get("openingHours", []):
            check(HHMM.match(oh.get("from", "")) and HHMM.match(oh.get("to", "")) and oh["from"] < oh["to"],
                  f"halls: {s} bad opening hours {oh}")
        check(bool(hall.get("openingHours")), f"halls: {s} has no opening hours")
        lat, lon = hall.get("latitude"), hall.get("longitude")
        check(isinstance(lat, (int, float)) and 41.9 <= lat <= 43.5 and isinstance(lon, (int, float))
              and 123.3 <= lon <= 125.3, f"halls: {s} coordinates {lat},{lon} outside Tieling")
        check(hall.get("phone") is None or isinstance(hall.get("phone"), str), f"halls: {s} phone type")
        check(hall.get("foundedOn") is None or DATE.match(hall["foundedOn"]), f"halls: {s} foundedOn")
        for f in hall.get("figures", []):
            check(set(f) == {"label", "labelEn", "value"} and all(isinstance(v, str) for v in f.values()),
                  f"halls: {s} bad figure {f}")
        simplified(hall.get("name", "") + hall.get("address", "") + hall.get("introduction", ""), f"halls {s}")
        check(bool(hall.get("introduction")) and bool(hall.get("introductionEn")), f"halls: {s} introduction")
    expected = {"city-centre"} | set(COUNTY_SLUGS.values())
    check(set(slugs) == expected, f"halls: slugs {sorted(slugs)} != {sorted(expected)}")
    for cc, slug in COUNTY_SLUGS.items():
        if slug in slugs:
            check(slugs[slug]["divisionCode"] == cc + "000000", f"halls: {slug} division should be {cc}000000")
    c = slugs.get("city-centre", {})
    facts = {
        "name": "铁岭市公共行政服务中心", "divisionCode": CITY, "address": "凡河新区金沙江路36号",
        "busRoutes": ["2路", "16路", "101路", "102路", "202路北环", "202路南环"], "busStop": "市政府站",
        "openingHours": [{"from": "08:30", "to": "17:00"}], "foundedOn": "2001-10-01", "floorArea": 8100,
        "departmentCount": 39, "staffCount": 240, "itemCount": 351,
    }
    for k, v in facts.items():
        check(c.get(k) == v, f"halls: city-centre {k} = {c.get(k)!r}, expected {v!r}")
    intro = c.get("introduction", "")
    for phrase in ["成立于2001年10月", "8100平方米", "39个市直部门", "240余人", "2016年9月26日", "市行政审批服务局",
                   "351项", "299项", "最多跑一次", "8个部门、38个事项", "23个部门、142个事项", "949个工作日",
                   "50%", "103个乡镇", "1311个村", "11个窗口部门48个项目可容缺要件99个"]:
        check(phrase in intro, f"halls: city-centre introduction lacks {phrase!r}")
    figs = " ".join(f["label"] + f["value"] for f in c.get("figures", []))
    # 351 items and the Monday–Friday hours live in itemCount and openingHours (on working days).
    for phrase in ["299", "38个事项", "142个事项", "949", "50%", "103", "1311", "48个项目", "99个",
                   "2016-09-26"]:
        check(phrase in figs, f"halls: city-centre figures lack {phrase!r}")
    return slugs


def check_windows(pack, halls, depts):
    rows = read_csv(pack, "windows.csv")
    seen = set()
    per_hall = {}
    for r in rows:
        key = (r["hall_slug"], r["number"])
        check(key not in seen, f"windows: duplicate window {key}")
        seen.add(key)
        check(r["hall_slug"] in halls, f"windows: {key} hall unknown")
        check(r["department_credit_code"] in depts, f"windows: {key} department {r['department_credit_code']} unknown")
        check(bool(r["name"]) and bool(r["name_en"]), f"windows: {key} needs names")
        simplified(r["name"], f"windows {key}")
        per_hall.setdefault(r["hall_slug"], []).append(r)
    centre = per_hall.get("city-centre", [])
    city_depts = {c for c, d in depts.items() if d["division_code"] == CITY}
    covered = {r["department_credit_code"] for r in centre}
    check(city_depts <= covered, f"windows: city departments without a window: "
          f"{[depts[c]['name'] for c in city_depts - covered]}")
    check(all(r["department_credit_code"] in city_depts for r in centre), "windows: a city-centre window belongs to a non-city department")
    counts = {}
    for r in centre:
        counts[r["department_credit_code"]] = counts.get(r["department_credit_code"], 0) + 1
    check(any(n >= 2 for n in counts.values()), "windows: no city department has 2-3 windows")
    check(max(counts.values(), default=0) <= 4, "windows: a city department has more than 4 windows")
    ysj = [c for c in city_depts if "营商环境建设局" in depts[c]["name"]]
    for word in ("综合受理", "容缺受理"):
        check(any(word in r["name"] and r["department_credit_code"] in ysj for r in centre),
              f"windows: city centre lacks a {word} window owned by 营商环境建设局")
    for cc, slug in COUNTY_SLUGS.items():
        ws = per_hall.get(slug, [])
        check(3 <= len(ws) <= 6, f"windows: {slug} has {len(ws)} windows, expected 3-6")
        for r in ws:
            check(depts.get(r["department_credit_code"], {}).get("division_code") == cc + "000000",
                  f"windows: {slug} {r['number']} not owned by the county department")


def check_stations(pack, divisions):
    rows = read_csv(pack, "stations.csv")
    keys = {}
    for r in rows:
        k = r["key"]
        check(re.fullmatch(r"[a-z0-9-]+", k) is not None, f"stations: key {k!r}")
        check(k not in keys, f"stations: duplicate key {k}")
        check(r["kind"] in ("yizhan", "service-point"), f"stations: {k} kind {r['kind']!r}")
        d = divisions.get(r["division_code"])
        check(d is not None, f"stations: {k} division {r['division_code']} not in divisions.csv")
        check(d is not None and d["level"] in ("township", "village"), f"stations: {k} not on a township/village")
        check(HOURS.match(r["hours"]) is not None, f"stations: {k} hours {r['hours']!r}")
        check(r["phone"] == "" or LANDLINE.match(r["phone"]) is not None, f"stations: {k} phone {r['phone']!r}")
        simplified(r["name"] + r["address"], f"stations {k}")
        keys[k] = r
    check(len(rows) >= 14, f"stations: {len(rows)} stations, expected at least 14")
    tl = [r for r in rows if r["division_code"].startswith("211221")]
    check(len(tl) >= 8, f"stations: {len(tl)} stations in 铁岭县, expected at least 8")
    return keys


def check_staff(pack, stations):
    rows = read_csv(pack, "station_staff.csv")
    per = {}
    for r in rows:
        check(r["station_key"] in stations, f"station_staff: station {r['station_key']} unknown")
        check(r["role"] in ("agent", "head"), f"station_staff: {r['name']} role {r['role']!r}")
        check(MOBILE.match(r["phone"]) is not None, f"station_staff: {r['name']} phone {r['phone']!r}")
        check(CJK.search(r["name"]) is not None, f"station_staff: name {r['name']!r}")
        per[r["station_key"]] = per.get(r["station_key"], 0) + 1
    for k in stations:
        check(1 <= per.get(k, 0) <= 3, f"station_staff: station {k} has {per.get(k, 0)} staff, expected 1-3")
    return rows


def check_region(pack):
    region = json.loads(read_text(os.path.join(pack, "region.json")))
    want = ["code", "name", "nameEn", "province", "timeZone", "description", "descriptionEn"]
    check(list(region.keys()) == want, f"region.json: keys {list(region.keys())}")
    check(region.get("code") == CITY and region.get("name") == "铁岭市" and region.get("nameEn") == "Tieling"
          and region.get("province") == "辽宁省" and region.get("timeZone") == "Asia/Shanghai",
          "region.json: identity fields")
    simplified(region.get("description", ""), "region.json")


def check_readme(pack, counts):
    path = os.path.join(pack, "README.md")
    check(os.path.exists(path), "README.md missing")
    if not os.path.exists(path):
        return
    text = read_text(path)
    for name, n in counts.items():
        check(re.search(rf"`{re.escape(name)}`\s*\|\s*{n}\b", text) is not None,
              f"README.md: row count of {name} should read {n}")


def main():
    pack = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(HERE)
    divisions = check_divisions(pack)
    depts = check_departments(pack, divisions)
    halls = check_halls(pack, divisions, depts)
    check_windows(pack, halls, depts)
    stations = check_stations(pack, divisions)
    staff = check_staff(pack, stations)
    check_region(pack)
    counts = {
        "divisions.csv": len(divisions), "departments.csv": len(depts), "halls.json": len(halls),
        "windows.csv": len(read_csv(pack, "windows.csv")), "stations.csv": len(stations),
        "station_staff.csv": len(staff),
    }
    check_readme(pack, counts)
    for e in errors:
        print("FAIL", e)
    print("counts:", ", ".join(f"{k}={v}" for k, v in counts.items()))
    print(f"{checks - len(errors)} passed, {len(errors)} failed")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
