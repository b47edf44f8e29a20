#!/usr/bin/env python3
"""Place items at the township and village stations in catalog.json (run after make_catalog.py and build_pack.py).

The source report counts 55 village and township stations offering 138 items. The pack has 55 stations
(stations.csv); this script chooses 138 items a person asks for near home — social insurance, medical insurance,
civil affairs, household registration, disability, veterans, employment, farming subsidies, housing funds — and
adds a place {"station": key, "hours": ...} to each item for the stations that handle it:

- a township station (政务服务驿站) handles every chosen item of its own county and a share of the chosen city items
  (a core set everywhere, the rest spread over the stations in turn);
- a village or community service point (便民服务站) handles the village core set (benefits, contributions,
  certifications) and a few items of its county.

Invented, as the rest of the catalog: which station offers what is not published. Deterministic; running it twice
gives the same file. Places at stations already in the file are replaced.
"""
import csv
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
PACK = os.path.dirname(HERE)
TOTAL = 138
THEMES = {"社会保障", "医疗卫生", "就业创业", "民政事务", "户籍办理", "残疾人服务", "退役军人", "农林牧渔", "住房保障", "档案查询"}
# Names of items a station does not take: licences and practice registrations for businesses and professions,
# arbitration, notarisation, real-estate registration, hearings of the centre.
NOT_AT_STATIONS = ("许可", "执业", "职称", "设置审批", "设立", "诊所", "仲裁", "公证", "不动产", "公共资源",
                   "监察投诉", "采伐", "草原", "取水", "收养", "无户口", "临时居民身份证", "好差评",
                   "驾驶证", "新建商品房", "居住权", "地役权", "契税", "存量房",
                   "网签", "维修资金", "个人贷款", "气象", "检疫", "助学金", "培训学校", "苗种", "生鲜乳", "死亡医学证明")
# A county's own items at its township stations: a station also takes the self-employed's registration and the
# rural building and felling permits for the town, not the licences of clinics, shops and trades.
NOT_AT_STATIONS_COUNTY = ("执业", "诊所", "公共场所", "兽药", "农药", "取水", "抵押", "食品经营")
VILLAGE_WORDS = ("高龄津贴", "最低生活保障", "特困", "临时救助", "残疾人生活补贴", "城乡居民基本养老保险", "城乡居民基本医疗保险",
                 "社会保障卡", "待遇领取资格认证", "参保缴费记录", "耕地地力", "农村部分计划生育", "残疾人证换领", "悬挂光荣牌")


def station_hours(hours: str) -> str:
    start, end = hours.split("-")
    return f"法定工作日 {start.lstrip('0')}-{end}"


def main():
    path = os.path.join(PACK, "catalog.json")
    with open(path, encoding="utf-8") as fh:
        catalog = json.load(fh)
    with open(os.path.join(PACK, "stations.csv"), encoding="utf-8") as fh:
        stations = list(csv.DictReader(fh))
    items = catalog["items"]
    for item in items:
        item["places"] = [p for p in item["places"] if not p.get("station")]

    def eligible(i):
        return "person" in i["subjects"] and set(i["themes"]) & THEMES and not any(w in i["name"] for w in NOT_AT_STATIONS)

    def eligible_county(i):
        return "person" in i["subjects"] and set(i["themes"]) & THEMES and not any(w in i["name"] for w in NOT_AT_STATIONS_COUNTY)

    county_pool = {}
    for i in items:
        if i["divisionCode"][:6] != "211200" and eligible_county(i):
            county_pool.setdefault(i["divisionCode"][:6], []).append(i)
    county_count = sum(len(v) for v in county_pool.values())
    city_pool = [i for i in items if i["divisionCode"][:6] == "211200" and eligible(i)][:TOTAL - county_count]
    if county_count + len(city_pool) != TOTAL:
        raise SystemExit(f"only {county_count + len(city_pool)} items fit the stations, {TOTAL} wanted")
    village_core = [i for i in city_pool if any(w in i["name"] for w in VILLAGE_WORDS)]
    core = village_core + [i for i in city_pool if i not in village_core][:10]
    rest = [i for i in city_pool if i not in core]
    townships = [s for s in stations if s["kind"] == "yizhan"]
    share = -(-len(rest) // len(townships)) * 3  # each of the rest at about three township stations

    offered = {}
    for n, s in enumerate(stations):
        county = s["division_code"][:6]
        own = county_pool.get(county, [])
        if s["kind"] == "yizhan":
            k = townships.index(s)
            chosen = core + [rest[(k * len(rest) // len(townships) + j) % len(rest)] for j in range(share)] + own
        else:
            # a county without a township station (银州区: its one township is 龙山乡's service point) has its items there
            alone = not any(t["division_code"].startswith(county) for t in townships)
            chosen = village_core + (own if alone else own[n % max(1, len(own)):][:3])
        for i in chosen:
            offered.setdefault(i["implementationCode"], []).append(s)
    for item in items:
        for s in offered.get(item["implementationCode"], []):
            item["places"].append({"station": s["key"], "windows": [], "hours": station_hours(s["hours"])})
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(catalog, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    per = [sum(1 for i in items for p in i["places"] if p.get("station") == s["key"]) for s in stations]
    print(f"items at stations={len(offered)} stations={len(stations)} items per station={min(per)}-{max(per)}")


if __name__ == "__main__":
    main()
