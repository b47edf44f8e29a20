#!/usr/bin/env python3
"""Build the Tieling (铁岭市) demo region pack from the facts kept in tools/facts/.

Writes, next to this tools/ folder: divisions.csv, departments.csv, halls.json, windows.csv,
stations.csv, station_staff.csv, region.json. Everything is deterministic: running it twice
gives the same files. README.md is written by hand; check_pack.py validates the result.

What is real and what is generated is described in README.md.
"""
import csv
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PACK = os.path.dirname(HERE)
DATA = os.path.join(HERE, "facts")
sys.path.insert(0, HERE)
import make_codes  # noqa: E402

VALID_FROM = "2020-01-01"
CITY = "211200000000"

COUNTIES = [
    # code6, name, slug, English name
    ("211202", "银州区", "yinzhou", "Yinzhou District"),
    ("211204", "清河区", "qinghe", "Qinghe District"),
    ("211221", "铁岭县", "tieling-county", "Tieling County"),
    ("211223", "西丰县", "xifeng", "Xifeng County"),
    ("211224", "昌图县", "changtu", "Changtu County"),
    ("211281", "调兵山市", "diaobingshan", "Diaobingshan City"),
    ("211282", "开原市", "kaiyuan", "Kaiyuan City"),
]


def h(seed: str, modulo: int) -> int:
    """Stable pseudo-random integer from a text seed."""
    return int(hashlib.sha256(seed.encode("utf-8")).hexdigest(), 16) % modulo


def landline(seed: str, first: str = "72") -> str:
    """Plausible Tieling landline 024-7xxxxxxx (generated, not a real number)."""
    return f"024-{first}{h('tel:' + seed, 10**6):06d}"


def mobile(seed: str) -> str:
    """Plausible mobile number 13xxxxxxxxx (generated, not a real number)."""
    return f"13{h('mob:' + seed, 10)}{h('mob2:' + seed, 10**8):08d}"


def read_pairs(name: str):
    rows = []
    with open(os.path.join(DATA, name), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            code, label = line.split("|", 1)
            rows.append((code, label))
    return rows


def village_name(raw: str) -> str:
    """Statistical names end in 村民委员会 (village committee); keep the place name X村."""
    if raw.endswith("村村民委员会"):
        return raw[: -len("村民委员会")]
    if raw.endswith("村民委员会"):
        return raw[: -len("村民委员会")] + "村"
    return raw


def township_name(raw: str) -> str:
    # Official name keeps the rare character 鴜 (no simplified form); 鷺 simplifies to 鹭.
    return raw.replace("鷺", "鹭")


def write_csv(name, header, rows):
    with open(os.path.join(PACK, name), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def write_json(name, obj):
    with open(os.path.join(PACK, name), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


# --------------------------------------------------------------------------- divisions
def build_divisions():
    rows = [
        ("210000000000", "辽宁省", "province"),
        (CITY, "铁岭市", "city"),
    ]
    rows += [(c + "000000", n, "county") for c, n, _, _ in COUNTIES]
    rows += [(c + "000", township_name(n), "township") for c, n in read_pairs("townships.txt")]
    rows += [(c, village_name(n), "village") for c, n in read_pairs("tieling_county_villages.txt")]
    rows.sort(key=lambda r: r[0])
    write_csv("divisions.csv", ["code", "name", "level", "valid_from", "valid_to"],
              [(c, n, lv, VALID_FROM, "") for c, n, lv in rows])
    return {c: n for c, n, _ in rows}


# --------------------------------------------------------------------------- departments
# (key, name, English name, GB 32100 category prefix, address)
# prefix 11 = organ (机关), 12 = public institution (事业单位), 13 = mass organisation (群众团体)
NEW = "铁岭市凡河新区"
CITY_DEPTS = [
    ("fgw", "铁岭市发展和改革委员会", "Tieling Development and Reform Commission", "11", NEW + "金沙江路36号"),
    ("jyj", "铁岭市教育局", "Tieling Education Bureau", "11", NEW + "岷江街18号"),
    ("kjj", "铁岭市科学技术局", "Tieling Science and Technology Bureau", "11", NEW + "金沙江路36号"),
    ("gxj", "铁岭市工业和信息化局", "Tieling Industry and Information Technology Bureau", "11", NEW + "金沙江路36号"),
    ("gaj", "铁岭市公安局", "Tieling Public Security Bureau", "11", NEW + "嘉陵江路9号"),
    ("mzj", "铁岭市民政局", "Tieling Civil Affairs Bureau", "11", NEW + "岷江街18号"),
    ("sfj", "铁岭市司法局", "Tieling Justice Bureau", "11", NEW + "珠江路21号"),
    ("czj", "铁岭市财政局", "Tieling Finance Bureau", "11", NEW + "金沙江路36号"),
    ("rsj", "铁岭市人力资源和社会保障局", "Tieling Human Resources and Social Security Bureau", "11", NEW + "黄河路15号"),
    ("zrzyj", "铁岭市自然资源局", "Tieling Natural Resources Bureau", "11", NEW + "松花江路7号"),
    ("sthjj", "铁岭市生态环境局", "Tieling Ecology and Environment Bureau", "11", NEW + "珠江路21号"),
    ("zjj", "铁岭市住房和城乡建设局", "Tieling Housing and Urban-Rural Development Bureau", "11", NEW + "松花江路7号"),
    ("jtj", "铁岭市交通运输局", "Tieling Transport Bureau", "11", NEW + "长江路26号"),
    ("slj", "铁岭市水利局", "Tieling Water Resources Bureau", "11", NEW + "长江路26号"),
    ("nyj", "铁岭市农业农村局", "Tieling Agriculture and Rural Affairs Bureau", "11", NEW + "黄河路15号"),
    ("swj", "铁岭市商务局", "Tieling Commerce Bureau", "11", NEW + "金沙江路36号"),
    ("wlj", "铁岭市文化旅游和广播电视局", "Tieling Culture, Tourism, Radio and Television Bureau", "11", NEW + "岷江街18号"),
    ("wjw", "铁岭市卫生健康委员会", "Tieling Health Commission", "11", NEW + "黄河路15号"),
    ("tyjrj", "铁岭市退役军人事务局", "Tieling Veterans Affairs Bureau", "11", NEW + "岷江街18号"),
    ("yjj", "铁岭市应急管理局", "Tieling Emergency Management Bureau", "11", NEW + "长江路26号"),
    ("scjgj", "铁岭市市场监督管理局", "Tieling Administration for Market Regulation", "11", NEW + "珠江路21号"),
    ("ybj", "铁岭市医疗保障局", "Tieling Healthcare Security Bureau", "11", NEW + "黄河路15号"),
    ("yshj", "铁岭市营商环境建设局", "Tieling Business Environment Development Bureau", "11", NEW + "金沙江路36号"),
    ("cgj", "铁岭市城市管理综合行政执法局", "Tieling Urban Management and Comprehensive Law Enforcement Bureau", "11", NEW + "松花江路7号"),
    ("rfb", "铁岭市人民防空办公室", "Tieling Civil Air Defence Office", "11", NEW + "长江路26号"),
    ("gjj", "铁岭市住房公积金管理中心", "Tieling Housing Provident Fund Management Centre", "12", NEW + "金沙江路36号"),
    ("bdc", "铁岭市不动产登记中心", "Tieling Real Estate Registration Centre", "12", NEW + "金沙江路36号"),
    ("sw", "国家税务总局铁岭市税务局", "Tieling Municipal Tax Service, State Taxation Administration", "11", NEW + "嘉陵江路11号"),
    ("clj", "铁岭市残疾人联合会", "Tieling Disabled Persons' Federation", "13", NEW + "岷江街18号"),
    ("xf", "铁岭市消防救援支队", "Tieling Fire and Rescue Detachment", "11", NEW + "嘉陵江路25号"),
    ("qxj", "铁岭市气象局", "Tieling Meteorological Bureau", "12", NEW + "长江路32号"),
    ("yc", "铁岭市烟草专卖局", "Tieling Tobacco Monopoly Bureau", "11", "铁岭市银州区广裕街46号"),
    ("ggzy", "铁岭市公共资源交易中心", "Tieling Public Resources Trading Centre", "12", NEW + "金沙江路36号"),
    ("sbzx", "铁岭市社会保险事业服务中心", "Tieling Social Insurance Service Centre", "12", NEW + "黄河路15号"),
    ("yzgl", "铁岭市邮政管理局", "Tieling Postal Administration", "11", "铁岭市银州区柴河街北段12号"),
    ("dag", "铁岭市档案馆", "Tieling Municipal Archives", "12", NEW + "岷江街18号"),
    ("gzc", "铁岭市公证处", "Tieling Notary Public Office", "12", NEW + "珠江路21号"),
    ("jjzd", "铁岭市公安局交通警察支队", "Tieling Traffic Police Detachment", "11", NEW + "嘉陵江路9号"),
    ("jyrc", "铁岭市就业和人才服务中心", "Tieling Employment and Talent Service Centre", "12", NEW + "黄河路15号"),
]

COUNTY_DEPT_NAME = "营商环境建设局"
COUNTY_DEPT_EN = "Business Environment Development Bureau"

# hall facts: slug -> (address, English address, latitude, longitude, hall phone prefix)
COUNTY_HALLS = {
    "yinzhou": ("铁岭市银州区工人街道广裕街32号", "No. 32 Guangyu Street, Gongren Sub-district, Yinzhou District, Tieling", 42.2908, 123.8431, "72"),
    "qinghe": ("铁岭市清河区红旗街道清河大街18号", "No. 18 Qinghe Avenue, Hongqi Sub-district, Qinghe District, Tieling", 42.5462, 124.1585, "77"),
    "tieling-county": ("铁岭县莲花湖街道嘉陵江路66号", "No. 66 Jialingjiang Road, Lianhuahu Sub-district, Tieling County", 42.2196, 123.7142, "74"),
    "xifeng": ("西丰县西丰镇安民路88号", "No. 88 Anmin Road, Xifeng Town, Xifeng County", 42.7383, 124.7262, "78"),
    "changtu": ("昌图县昌图镇站前大街101号", "No. 101 Zhanqian Avenue, Changtu Town, Changtu County", 42.7856, 124.1108, "75"),
    "diaobingshan": ("调兵山市兀术街街道振兴路57号", "No. 57 Zhenxing Road, Wushujie Sub-district, Diaobingshan", 42.4677, 123.5672, "76"),
    "kaiyuan": ("开原市新城街道新华街29号", "No. 29 Xinhua Street, Xincheng Sub-district, Kaiyuan", 42.5452, 124.0382, "73"),
}


def build_departments():
    depts = {}
    rows = []
    for key, name, name_en, prefix, address in CITY_DEPTS:
        code = make_codes.make(prefix, "211200", "tieling-demo:" + name)
        depts[key] = code
        rows.append((code, name, name_en, CITY, landline(name, "72"), address))
    for code6, cname, slug, cname_en in COUNTIES:
        name = cname + COUNTY_DEPT_NAME
        code = make_codes.make("11", code6, "tieling-demo:" + name)
        depts[slug] = code
        address = COUNTY_HALLS[slug][0]
        rows.append((code, name, f"{cname_en} {COUNTY_DEPT_EN}", code6 + "000000",
                     landline(name, COUNTY_HALLS[slug][4]), address))
    write_csv("departments.csv", ["credit_code", "name", "name_en", "division_code", "phone", "address"], rows)
    return depts


# --------------------------------------------------------------------------- halls
def centre_intro():
    with open(os.path.join(DATA, "centre_intro_zh.txt"), encoding="utf-8") as fh:
        paras = [l.strip() for l in fh if l.strip() and not l.startswith("#")]
    return "\n\n".join(paras)


CENTRE_INTRO_EN = "\n\n".join([
    "The Tieling Public Administrative Service Centre was founded in October 2001 and has a floor area of "
    "8,100 square metres. Thirty-nine municipal departments have service windows at the centre, with more "
    "than 240 staff. On 26 September 2016 the nameplate of the Municipal Administrative Approval Service "
    "Bureau was added to the existing Municipal Administrative Centre Management Office.",
    "Under the leadership of the municipal Party committee and the municipal government, the centre follows "
    "the principles of \"expanding capacity, raising efficiency, standardising and innovating\". It keeps "
    "improving its service system, strengthening its service capacity and finding new ways of serving, so "
    "that businesses and residents are served at \"zero distance\", and it provides a high-quality, efficient "
    "government-service environment for Tieling's economic and social development.",
    "First, 351 administrative approval and other items of 39 departments are handled together at the "
    "centre; 299 government service items in the city need \"at most one trip\"; the procedures of 38 items "
    "of 8 departments have been further optimised; and the approval time limits of 142 items of 23 "
    "departments have been cut by a total of 949 working days.",
    "Second, the centre actively standardises administrative licensing and cuts approval time limits; the "
    "average time limit at the centre has been reduced by 50%.",
    "Third, it actively promotes \"Internet + government services\" and is connected with the provincial "
    "government-service portal, which raises approval efficiency.",
    "Fourth, a linked four-level (city, county, township, village) public administrative service system has "
    "basically taken shape. All 7 counties, county-level cities and districts have public administrative "
    "service centres with concentrated approval items, fairly complete functions, standardised management "
    "and orderly operation; all 103 townships and sub-districts have public administrative service centres "
    "with at least 14 resident departments and at least 65 items, and all 1,311 villages and communities "
    "have convenience service rooms built to the \"ten ones\" standard, making Tieling the first in the "
    "province to reach full coverage.",
    "Fifth, reform of the commercial registration system has gone deeper, "
    "and business registration now combines several certificates into one.",
    "Sixth, services keep being "
    "innovated: a mechanism for accepting applications with deferred materials allows 99 materials of 48 "
    "items at 11 window departments to be supplied later, which greatly helps businesses and residents; "
    "investment and construction projects get free proxy and assisted application services; round-the-"
    "clock, by-appointment and extended-hours services are offered; and a \"service caravan\" brings "
    "door-to-door service to key enterprises.",
])

# Founding date, floor area, departments, staff, items and hours have fields of their own in halls.json.
CENTRE_FIGURES = [
    ("“最多跑一次”事项", "Items needing at most one trip", "299项"),
    ("流程优化", "Procedures optimised", "8个部门38个事项"),
    ("压缩审批时限", "Approval time limits cut", "23个部门142个事项累计压缩949个工作日"),
    ("平均办事时限压缩率", "Average time-limit reduction", "50%"),
    ("覆盖乡镇（街）", "Townships and sub-districts covered", "103个"),
    ("覆盖村（社区）", "Villages and communities covered", "1311个"),
    ("容缺受理", "Acceptance with deferred materials", "11个窗口部门、48个项目、可容缺要件99个"),
    ("加挂市行政审批服务局牌子", "Also named Municipal Administrative Approval Service Bureau", "2016-09-26"),
]

COUNTY_HOURS = [{"from": "08:30", "to": "11:30"}, {"from": "13:00", "to": "17:00"}]


def county_intro(cname, slug):
    zh = (f"{cname}公共行政服务中心是{cname}集中办理行政审批和公共服务事项的综合服务场所，"
          f"由{cname}营商环境建设局负责管理，为辖区企业和群众提供“一站式”服务，"
          f"并指导乡镇（街道）公共行政服务中心和村（社区）便民服务室开展工作。")
    en = (f"The {slug_en(slug)} Public Administrative Service Centre is where administrative approval and "
          f"public service items of {slug_en(slug)} are handled in one place. It is run by the local "
          f"Business Environment Development Bureau, offers one-stop service to businesses and residents, "
          f"and guides the township service centres and village service rooms.")
    if slug == "diaobingshan":
        zh += "调兵山市是全市政务服务驿站建设和电子政务外网向乡镇（街道）、村（社区）延伸的试点地区。"
        en += (" Diaobingshan is the city's pilot area for government-service stations and for extending the "
               "e-government network to townships and villages.")
    return zh, en


def slug_en(slug):
    return {s: en for _, _, s, en in COUNTIES}[slug]


CENTRE_EXTRA_SESSIONS = [
    {"kind": "extended", "days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], "from": "17:00", "to": "19:00",
     "windows": ["A01", "A02", "B01", "C05", "D01"]},
    {"kind": "weekend", "days": ["Saturday"], "from": "09:00", "to": "12:00", "windows": ["A01", "A02", "D01", "D04"],
     "onHolidays": False},
]


def build_halls():
    halls = [{
        "slug": "city-centre",
        "name": "铁岭市公共行政服务中心",
        "nameEn": "Tieling Public Administrative Service Centre",
        "divisionCode": CITY,
        "address": "凡河新区金沙江路36号",
        "addressEn": "No. 36 Jinshajiang Road, Fanhe New District, Tieling",
        "busRoutes": ["2路", "16路", "101路", "102路", "202路北环", "202路南环"],
        "busStop": "市政府站",
        "openingHours": [{"from": "08:30", "to": "17:00"}],
        "phone": None,
        "latitude": 42.2237,
        "longitude": 123.7263,
        "introduction": centre_intro(),
        "introductionEn": CENTRE_INTRO_EN,
        "foundedOn": "2001-10-01",
        "floorArea": 8100,
        "departmentCount": 39,
        "staffCount": 240,
        "itemCount": 351,
        "figures": [{"label": a, "labelEn": b, "value": c} for a, b, c in CENTRE_FIGURES],
        # Demo, not from the report (which says only that it offers 延时服务): an evening extension on working days and a
        # Saturday morning (周末不打烊), each served by a few windows; no Saturday on a statutory holiday.
        "extraSessions": CENTRE_EXTRA_SESSIONS,
    }]
    for code6, cname, slug, cname_en in COUNTIES:
        addr, addr_en, lat, lon, _ = COUNTY_HALLS[slug]
        zh, en = county_intro(cname, slug)
        halls.append({
            "slug": slug,
            "name": f"{cname}公共行政服务中心",
            "nameEn": f"{cname_en} Public Administrative Service Centre",
            "divisionCode": code6 + "000000",
            "address": addr,
            "addressEn": addr_en,
            "busRoutes": [],
            "busStop": None,
            "openingHours": COUNTY_HOURS,
                            "phone": None,
            "latitude": lat,
            "longitude": lon,
            "introduction": zh,
            "introductionEn": en,
            "foundedOn": None,
            "floorArea": None,
            "departmentCount": None,
            "staffCount": None,
            "itemCount": None,
            "figures": [],
        })
    write_json("halls.json", halls)
    return halls


# --------------------------------------------------------------------------- windows
# (number, department key, name, English name)
CITY_WINDOWS = [
    ("A01", "yshj", "综合受理窗口（一）", "General Acceptance Window 1"),
    ("A02", "yshj", "综合受理窗口（二）", "General Acceptance Window 2"),
    ("A03", "yshj", "容缺受理窗口", "Acceptance with Deferred Materials"),
    ("A04", "yshj", "工程建设项目审批综合窗口", "Construction Project Approval Window"),
    ("A05", "ggzy", "公共资源交易窗口", "Public Resources Trading"),
    ("B01", "scjgj", "市场主体登记窗口（一）", "Business Registration 1"),
    ("B02", "scjgj", "市场主体登记窗口（二）", "Business Registration 2"),
    ("B03", "scjgj", "食品药品许可窗口", "Food and Drug Licensing"),
    ("B04", "sw", "税务登记与发票窗口", "Tax Registration and Invoices"),
    ("B05", "sw", "税务综合窗口", "General Tax Services"),
    ("C01", "rsj", "人力资源和社会保障窗口（一）", "Human Resources and Social Security 1"),
    ("C02", "rsj", "人力资源和社会保障窗口（二）", "Human Resources and Social Security 2"),
    ("C03", "sbzx", "社会保险经办窗口", "Social Insurance Services"),
    ("C04", "jyrc", "就业和人才服务窗口", "Employment and Talent Services"),
    ("C05", "ybj", "医疗保障窗口（一）", "Healthcare Security 1"),
    ("C06", "ybj", "医疗保障窗口（二）", "Healthcare Security 2"),
    ("C07", "gjj", "住房公积金窗口（一）", "Housing Provident Fund 1"),
    ("C08", "gjj", "住房公积金窗口（二）", "Housing Provident Fund 2"),
    ("C09", "mzj", "民政窗口", "Civil Affairs"),
    ("C10", "clj", "残疾人服务窗口", "Services for Persons with Disabilities"),
    ("C11", "tyjrj", "退役军人服务窗口", "Veterans Services"),
    ("C12", "wjw", "卫生健康窗口", "Health"),
    ("C13", "jyj", "教育窗口", "Education"),
    ("C14", "sfj", "司法行政窗口", "Justice Administration"),
    ("C15", "gzc", "公证窗口", "Notary Services"),
    ("D01", "gaj", "户政窗口", "Household Registration"),
    ("D02", "gaj", "出入境窗口", "Exit and Entry"),
    ("D03", "gaj", "治安管理窗口", "Public Order Licensing"),
    ("D04", "jjzd", "车驾管窗口（一）", "Vehicles and Driving Licences 1"),
    ("D05", "jjzd", "车驾管窗口（二）", "Vehicles and Driving Licences 2"),
    ("E01", "fgw", "投资项目审批窗口", "Investment Project Approval"),
    ("E02", "zrzyj", "规划许可窗口", "Planning Permits"),
    ("E03", "zrzyj", "用地审批窗口", "Land Use Approval"),
    ("E04", "bdc", "不动产登记窗口（一）", "Real Estate Registration 1"),
    ("E05", "bdc", "不动产登记窗口（二）", "Real Estate Registration 2"),
    ("E06", "bdc", "不动产登记窗口（三）", "Real Estate Registration 3"),
    ("E07", "zjj", "施工许可窗口", "Construction Permits"),
    ("E08", "zjj", "房产交易与资质窗口", "Property Transactions and Qualifications"),
    ("E09", "sthjj", "环境影响评价窗口", "Environmental Impact Assessment"),
    ("E10", "jtj", "交通运输窗口", "Transport"),
    ("E11", "slj", "水利窗口", "Water Resources"),
    ("E12", "rfb", "人民防空窗口", "Civil Air Defence"),
    ("E13", "xf", "消防审验窗口", "Fire Safety Review and Acceptance"),
    ("E14", "qxj", "气象窗口", "Meteorology"),
    ("E15", "cgj", "城市管理窗口", "Urban Management"),
    ("E16", "yjj", "应急管理窗口", "Emergency Management"),
    ("F01", "nyj", "农业农村窗口", "Agriculture and Rural Affairs"),
    ("F02", "swj", "商务窗口", "Commerce"),
    ("F03", "wlj", "文化旅游窗口", "Culture and Tourism"),
    ("F04", "gxj", "工业和信息化窗口", "Industry and Information Technology"),
    ("F05", "kjj", "科技窗口", "Science and Technology"),
    ("F06", "czj", "财政窗口", "Finance"),
    ("F07", "yc", "烟草专卖许可窗口", "Tobacco Retail Licences"),
    ("F08", "yzgl", "邮政管理窗口", "Postal Administration"),
    ("F09", "dag", "档案查询窗口", "Archive Enquiries"),
]

COUNTY_WINDOW_SETS = {
    "yinzhou": 5, "qinghe": 4, "tieling-county": 6, "xifeng": 4,
    "changtu": 6, "diaobingshan": 5, "kaiyuan": 6,
}
COUNTY_WINDOW_NAMES = [
    ("综合受理窗口", "General Acceptance"),
    ("企业开办窗口", "Business Start-up"),
    ("社会事务窗口", "Social Affairs"),
    ("投资项目审批窗口", "Investment Project Approval"),
    ("不动产登记窗口", "Real Estate Registration"),
    ("容缺受理窗口", "Acceptance with Deferred Materials"),
]


def build_windows(depts):
    rows = [("city-centre", n, depts[k], name, en) for n, k, name, en in CITY_WINDOWS]
    for _, _, slug, _ in COUNTIES:
        for i in range(COUNTY_WINDOW_SETS[slug]):
            name, en = COUNTY_WINDOW_NAMES[i]
            rows.append((slug, f"{i + 1:02d}", depts[slug], name, en))
    write_csv("windows.csv", ["hall_slug", "number", "department_credit_code", "name", "name_en"], rows)
    return rows


# --------------------------------------------------------------------------- stations
# (key, name, kind, division code, address, hours)
STATIONS = [
    ("tlx-xintaizi", "新台子镇政务服务驿站", "yizhan", "211221101000", "铁岭县新台子镇新台子村", "08:30-17:00"),
    ("tlx-yilu", "懿路村便民服务站", "service-point", "211221101200", "铁岭县新台子镇懿路村村委会", "08:30-16:30"),
    ("tlx-fanhe", "凡河镇政务服务驿站", "yizhan", "211221105000", "铁岭县凡河镇凡河站村", "08:30-17:00"),
    ("tlx-dalianhua", "大莲花村便民服务站", "service-point", "211221105209", "铁岭县凡河镇大莲花村村委会", "08:30-16:30"),
    ("tlx-yaobao", "腰堡镇政务服务驿站", "yizhan", "211221106000", "铁岭县腰堡镇腰堡村", "08:30-17:00"),
    ("tlx-cainiu", "蔡牛镇政务服务驿站", "yizhan", "211221108000", "铁岭县蔡牛镇蔡牛村", "08:30-17:00"),
    ("tlx-cainiu-cun", "蔡牛村便民服务站", "service-point", "211221108207", "铁岭县蔡牛镇蔡牛村村委会", "08:30-16:30"),
    ("tlx-xiongguantun", "熊官屯镇政务服务驿站", "yizhan", "211221110000", "铁岭县熊官屯镇熊官屯村", "08:30-17:00"),
    ("tlx-fanlihua", "樊梨花村便民服务站", "service-point", "211221110216", "铁岭县熊官屯镇樊梨花村", "08:30-16:30"),
    ("tlx-baiqizhai", "白旗寨满族乡政务服务驿站", "yizhan", "211221209000", "铁岭县白旗寨满族乡白旗寨村", "08:30-17:00"),
    ("tlx-xingfuwan", "幸福湾社区便民服务站", "service-point", "211221402007", "铁岭县莲花湖街道幸福湾社区", "08:30-17:00"),
    ("dbs-xiaoming", "晓明镇政务服务驿站", "yizhan", "211281102000", "调兵山市晓明镇", "08:30-17:00"),
    ("dbs-xiaonan", "晓南镇政务服务驿站", "yizhan", "211281105000", "调兵山市晓南镇", "08:30-17:00"),
    ("kyn-zhonggu", "中固镇政务服务驿站", "yizhan", "211282104000", "开原市中固镇", "08:30-17:00"),
    ("ct-bamiancheng", "八面城镇政务服务驿站", "yizhan", "211224102000", "昌图县八面城镇", "08:30-17:00"),
    ("xf-pinggang", "平岗镇政务服务驿站", "yizhan", "211223101000", "西丰县平岗镇", "08:30-17:00"),
    ("yz-longshan", "龙山乡便民服务站", "service-point", "211202201000", "铁岭市银州区龙山乡", "08:30-16:30"),
    ("qh-zhangxiang", "张相镇政务服务驿站", "yizhan", "211204101000", "铁岭市清河区张相镇", "08:30-17:00"),
]

STATION_PHONE_PREFIX = {"tlx": "74", "dbs": "76", "kyn": "73", "ct": "75", "xf": "78", "yz": "72", "qh": "77"}

# (station key, name, role): invented people
STAFF = [
    ("tlx-xintaizi", "王秀华", "head"), ("tlx-xintaizi", "张立新", "agent"), ("tlx-xintaizi", "刘丹", "agent"),
    ("tlx-yilu", "李春梅", "agent"),
    ("tlx-fanhe", "赵海涛", "head"), ("tlx-fanhe", "陈静", "agent"),
    ("tlx-dalianhua", "孙玉霞", "agent"),
    ("tlx-yaobao", "周永刚", "head"), ("tlx-yaobao", "吴晓红", "agent"),
    ("tlx-cainiu", "郑凯", "head"), ("tlx-cainiu", "马春雨", "agent"),
    ("tlx-cainiu-cun", "高玉梅", "agent"),
    ("tlx-xiongguantun", "于洪波", "head"), ("tlx-xiongguantun", "徐丹", "agent"),
    ("tlx-fanlihua", "韩冬", "agent"),
    ("tlx-baiqizhai", "关丽娟", "head"), ("tlx-baiqizhai", "佟国华", "agent"),
    ("tlx-xingfuwan", "冯雪", "agent"), ("tlx-xingfuwan", "曹磊", "agent"),
    ("dbs-xiaoming", "邓佳", "head"), ("dbs-xiaoming", "何淑芬", "agent"), ("dbs-xiaoming", "宋志强", "agent"),
    ("dbs-xiaonan", "董艳", "head"), ("dbs-xiaonan", "金鑫", "agent"),
    ("kyn-zhonggu", "白雪松", "head"), ("kyn-zhonggu", "杨帆", "agent"),
    ("ct-bamiancheng", "田志勇", "head"), ("ct-bamiancheng", "石丽", "agent"),
    ("xf-pinggang", "那晓东", "head"), ("xf-pinggang", "付红艳", "agent"),
    ("yz-longshan", "谷建平", "agent"),
    ("qh-zhangxiang", "潘志华", "head"), ("qh-zhangxiang", "崔婷", "agent"),
]


# The report counts 55 village and township stations offering 138 items (the items are placed in catalog.json by
# tools/make_station_items.py). Besides the 18 above, written by hand: a station in more towns of every county, and
# service points in villages of 铁岭县 (the only county whose villages the pack holds) under the towns with a station.
EXTRA_TOWNS = {"211202": 1, "211204": 2, "211221": 2, "211223": 3, "211224": 5, "211281": 1, "211282": 3}
EXTRA_VILLAGES_PER_TOWN = 3
STAFF_NAMES = ["陈桂兰", "王建军", "李淑珍", "张志刚", "刘玉兰", "杨立伟", "赵秀云", "孙福林", "周丽华", "吴振宇",
               "郑春燕", "王宏伟", "冯秀梅", "陈国庆", "褚丽艳", "卫东升", "蒋晓燕", "沈永辉", "韩淑华", "朱海龙",
               "秦玉芝", "尤立军", "许春霞", "何文博", "吕桂芳", "施长青", "孔维民", "曹艳秋", "严俊峰", "华丽萍",
               "金德胜", "魏红梅", "陶建华", "姜玉洁", "戚长海", "谢丽君", "邹国栋", "喻晓梅", "柏永生", "水月英",
               "窦志国", "章丽娜", "云海峰", "苏秀兰", "潘立成", "葛春梅", "奚建新", "范玉霞", "彭志远", "郎淑英",
               "鲁文华", "韦丽华", "昌永利", "马秀珍", "苗志军", "凤丽娟", "花春生", "方玉梅", "俞建平", "任雪莲",
               "袁振华", "柳淑芬", "鲍志勇", "史春兰", "唐国华", "费丽丽", "廉永庆", "岑秀英", "薛德明", "雷桂芝"]


def extra_stations():
    """The stations after the first 18: deterministic, from divisions written by build_divisions."""
    prefix = {"211202": "yz", "211204": "qh", "211221": "tlx", "211223": "xf", "211224": "ct", "211281": "dbs", "211282": "kyn"}
    county_names = {c: n for c, n, _, _ in COUNTIES}
    taken = {s[3] for s in STATIONS}
    with open(os.path.join(PACK, "divisions.csv"), encoding="utf-8") as fh:
        divisions = [r for r in csv.DictReader(fh)]
    towns = [d for d in divisions if d["level"] == "township" and d["name"].endswith(("镇", "乡"))]
    rows = []
    for county, count in EXTRA_TOWNS.items():
        candidates = [t for t in towns if t["code"].startswith(county) and t["code"] not in taken]
        for t in sorted(candidates, key=lambda t: h("town:" + t["code"], 10**6))[:count]:
            town = t["name"]
            key = f"{prefix[county]}-t{t['code'][6:9]}"
            address = (county_names[county] if county in ("211221", "211223", "211224", "211281", "211282") else "铁岭市" + county_names[county]) + town
            rows.append((key, town + "政务服务驿站", "yizhan", t["code"], address, "08:30-17:00"))
    tieling_towns = [s[3][:9] for s in STATIONS + rows if s[3].startswith("211221") and s[2] == "yizhan"]
    for town_code in tieling_towns:
        town = next(d["name"] for d in divisions if d["code"] == town_code + "000")
        villages = [d for d in divisions if d["level"] == "village" and d["code"].startswith(town_code)
                    and d["name"].endswith("村") and d["code"] not in taken]
        for v in sorted(villages, key=lambda v: h("village:" + v["code"], 10**6))[:EXTRA_VILLAGES_PER_TOWN]:
            if len(STATIONS) + len(rows) >= 55:
                break
            rows.append((f"tlx-v{v['code'][6:]}", v["name"] + "便民服务站", "service-point", v["code"],
                         "铁岭县" + town + v["name"] + "村委会", "08:30-16:30"))
    return rows


def extra_staff(stations):
    staff, i = [], 0
    for key, _, kind, _, _, _ in stations:
        count = 2 + h("staff:" + key, 2) if kind == "yizhan" else 1 + h("staff:" + key, 2)
        for n in range(count):
            staff.append((key, STAFF_NAMES[i % len(STAFF_NAMES)], "head" if kind == "yizhan" and n == 0 else "agent"))
            i += 1
    return staff


def build_stations():
    rows = []
    extra = extra_stations()
    for key, name, kind, div, address, hours in STATIONS + extra:
        prefix = STATION_PHONE_PREFIX[key.split("-")[0]]
        rows.append((key, name, kind, div, address, landline("station:" + key, prefix), hours))
    write_csv("stations.csv", ["key", "name", "kind", "division_code", "address", "phone", "hours"], rows)
    staff = [(k, n, r, mobile(k + n)) for k, n, r in STAFF + extra_staff(extra)]
    write_csv("station_staff.csv", ["station_key", "name", "role", "phone"], staff)
    return rows, staff


# --------------------------------------------------------------------------- region
def build_region():
    write_json("region.json", {
        "code": CITY,
        "name": "铁岭市",
        "nameEn": "Tieling",
        "province": "辽宁省",
        "timeZone": "Asia/Shanghai",
        "description": (
            "铁岭市是辽宁省辖地级市，位于辽宁省北部、辽河中游，南邻沈阳市。全市辖银州区、清河区两个市辖区，"
            "铁岭县、西丰县、昌图县三个县，代管调兵山市、开原市两个县级市。市人民政府及市公共行政服务中心位于"
            "凡河新区。本演示数据包含铁岭市全部县级单位和乡级单位、铁岭县全部村级单位，以及市、县两级公共行政"
            "服务中心、进驻部门、窗口和政务服务驿站。"),
        "descriptionEn": (
            "Tieling is a prefecture-level city in northern Liaoning Province, on the middle reaches of the Liao "
            "River, bordering Shenyang to the south. It has two districts (Yinzhou and Qinghe), three counties "
            "(Tieling, Xifeng and Changtu) and two county-level cities (Diaobingshan and Kaiyuan). The municipal "
            "government and the municipal Public Administrative Service Centre are in the Fanhe New District. "
            "This demo pack holds all county- and township-level divisions of Tieling, all villages and "
            "communities of Tieling County, and the city and county service centres with their departments, "
            "windows and government-service stations."),
    })


def main():
    divisions = build_divisions()
    depts = build_departments()
    halls = build_halls()
    windows = build_windows(depts)
    stations, staff = build_stations()
    build_region()
    missing = [s[3] for s in stations if s[3] not in divisions]
    if missing:
        raise SystemExit(f"stations attached to unknown divisions: {missing}")
    print(f"divisions={len(divisions)} departments={len(depts)} halls={len(halls)} "
          f"windows={len(windows)} stations={len(stations)} staff={len(staff)}")


if __name__ == "__main__":
    main()
