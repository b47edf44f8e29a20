"""What an application is about (read by forms_by_kind.py): each topic says when it applies to an item — by its
name, themes, subjects or material keys — and which fields it adds. An item may have several topics (a licence for
premises that also pays a benefit asks both), asked in the order of TOPICS.
"""
import re

import form_fields as ff
from demo_forms import F

import form_people as people
from form_people import keys, named

def project(it):
    fields = list(ff.PROJECT)
    if named(it, "用地|规划许可|划拨|土地|选址|林地"):
        fields.append(ff.LAND_AREA)
    if named(it, "建设工程|建筑工程|施工|竣工|消防|人防|防空|规划条件|防雷|联合验收|档案认可"):
        fields.append(ff.FLOOR_AREA)
    if named(it, "投资项目|项目核准|项目备案|技术改造|可行性|节能|初步设计|环境影响|安全条件"):
        fields.append(ff.INVESTMENT)
    if named(it, "招标"):
        fields += [F("tender_method", "招标方式", "Tendering", "Choice", options=[("open", "公开招标", "Open"), ("invited", "邀请招标", "By invitation")]),
                   F("bid_open_date", "开标日期", "Bids opened on", "Date")]
    if named(it, "施工许可|涉路施工|占用、挖掘"):
        fields += [F("works_start", "计划开工日期", "Works start on", "Date"), F("works_end", "计划竣工日期", "Works end on", "Date")]
    return fields


def is_project(it):
    return "legal-person" in it["subjects"] and ("工程建设" in it["themes"] or named(it, "建设项目|公墓")) \
        and not named(it, "预售|市场主体|档案查询|不动产")


def property_(it):
    if named(it, "查询"):
        return [ff.PROPERTY[0]]
    fields = list(ff.PROPERTY)
    if keys(it) & {"real_estate_certificate", "original_real_estate_certificate", "real_estate_purchase_contract"}:
        fields.append(ff.PROPERTY_CERTIFICATE)
    if named(it, "转移|买卖|交易|契税|网签|预告"):
        fields.append(F("price", "成交价格（万元）", "Price (10,000 yuan)", "Number", min=0.01, max=1000000))
    if named(it, "抵押") and not named(it, "注销"):
        fields += [F("secured_amount", "被担保主债权数额（万元）", "Debt secured (10,000 yuan)", "Number", min=0.01, max=10000000),
                   F("debt_start", "债务履行期限起", "Loan runs from", "Date"), F("debt_end", "债务履行期限止", "Loan runs until", "Date")]
    if named(it, "租赁"):
        fields += [F("monthly_rent", "月租金（元）", "Monthly rent (yuan)", "Number", min=1, max=1000000),
                   F("lease_start", "租赁起始日期", "Lease starts on", "Date"), F("lease_end", "租赁终止日期", "Lease ends on", "Date")]
    return fields


def is_property(it):
    return named(it, "不动产|房屋|商品房|存量房|宅基地|居住权|地役权|维修资金|契税") and not named(it, "公积金")


def vehicle(it):
    if named(it, "驾驶证|驾驶资格|驾驶员证"):
        return [ff.DRIVING_CLASS]
    if named(it, "经营许可|经营备案|培训|线路运营"):
        return [F("vehicle_count", "拟投入车辆数（辆）", "Vehicles to be used", "Number", min=1, max=10000)]
    if named(it, "注册登记|购置税"):
        return [ff.VIN, ff.VEHICLE_TYPE]
    fields = [ff.PLATE, ff.VEHICLE_TYPE]
    if named(it, "抵押"):
        fields.append(F("mortgagee_name", "抵押权人", "Mortgagee", "Text", maxLength=100))
    if named(it, "超限"):
        fields += [F("route", "通行路线", "Route", "Text", maxLength=200),
                   F("travel_start", "通行起始日期", "Travelling from", "Date"), F("travel_end", "通行截止日期", "Travelling until", "Date")]
    return fields


def is_vehicle(it):
    return named(it, "机动车|车辆|拖拉机|联合收割机|出租汽车|网约车|运输证|超限运输|车船税|道路运输经营|校车|驾驶员培训|公共汽电车") and not named(it, "回收")


PREMISES_WORDS = re.compile("经营场所|营业场所|场所|住所|办学场所|诊所房屋|场地|用房|办公场所|库房")


PREMISES_LABEL = [("住所", "住所", "Domicile"), ("办学", "办学场所", "School premises"), ("诊", "执业场所", "Place of practice")]


def premises(it):
    names = " ".join(m["name"] for m in it["materials"])
    zh, en = next(((z, e) for word, z, e in PREMISES_LABEL if word in names and "经营场所" not in names), ("经营场所", "Premises"))
    address, division = ff.PREMISES
    fields = [dict(address, labelZh=zh, labelEn=en), dict(division, labelZh=f"{zh}所在行政区划", labelEn=f"Division of the {en.lower()}")]
    if "准营准办" in it["themes"]:
        fields += [ff.SITE_AREA, ff.SCOPE, ff.STAFF]
    return fields


SITE = "非公路标志|地面接收设施|户外广告"


def has_premises(it):
    """Materials about premises, or a licence or filing to trade or an inspection, which happen somewhere."""
    trades = ("准营准办" in it["themes"] and it["type"] in ("行政许可", "其他行政权力")) or it["type"] == "行政检查" \
        or named(it, "机构备案|辐射|放射") or (named(it, "执业许可|执业登记") and it["subjects"] == ["legal-person"])
    elsewhere = is_project(it) or is_property(it) or named(it, SITE + "|采砂|河道")
    return (trades or any(PREMISES_WORDS.search(m["name"]) for m in it["materials"])) and not elsewhere


def event(it):
    return [F("event_name", "活动名称", "Name of the event", "Text", maxLength=100),
            F("event_place", "活动地点", "Place", "Text", maxLength=100),
            F("event_start", "开始日期", "Starts on", "Date"), F("event_end", "结束日期", "Ends on", "Date"),
            F("attendance", "预计参加人数", "People expected", "Number", min=1, max=1000000)]


def goods(it):
    return [F("goods", "品种（名称）", "Kind (name)", "Text", maxLength=100), F("quantity", "数量", "Quantity", "Text", maxLength=50),
            F("use", "用途", "Used for", "Text", maxLength=100)]


def land_use(it):
    fields = [F("location", "地点", "Place", "Text", maxLength=100), F("area_mu", "面积（亩）", "Area (mu)", "Number", min=0.01, max=100000)]
    if named(it, "采伐|砍伐|树木"):
        fields.append(F("tree_count", "株数", "Number of trees", "Number", min=1, max=1000000))
    return fields


def water(it):
    if named(it, "取水"):
        return [F("water_source", "取水水源", "Source", "Choice", options=[("surface", "地表水", "Surface water"), ("ground", "地下水", "Groundwater")]),
                F("annual_volume", "年取水量（万立方米）", "Water a year (10,000 m³)", "Number", min=0.01, max=100000),
                F("water_use", "取水用途", "Used for", "Text", maxLength=100)]
    if named(it, "排水"):
        return [F("daily_discharge", "日排水量（立方米）", "Wastewater a day (m³)", "Number", min=0.1, max=1000000)]
    return site(it)


def travel(it):
    if named(it, "港澳|台湾"):
        return [F("endorsement", "签注种类", "Kind of endorsement", "Choice", options=[
                    ("tourism", "旅游", "Tourism"), ("family", "探亲", "Family visit"), ("business", "商务", "Business"),
                    ("study", "逗留（学习）", "Stay for study")]),
                F("endorsement_times", "签注次数", "Entries", "Choice", options=[("once", "一次有效", "One entry"), ("twice", "二次有效", "Two entries")])]
    return [F("travel_purpose", "出境事由", "Why you travel", "Choice", options=[
                ("tourism", "旅游", "Tourism"), ("family", "探亲访友", "Visiting family or friends"), ("business", "商务", "Business"),
                ("study", "学习", "Study"), ("work", "就业", "Work"), ("settle", "定居", "Settling abroad")])]


def recognition(it):
    """An organisation recognised, rated or awarded: what it does and how big it is."""
    if named(it, "科学技术奖"):
        return [F("achievement_name", "项目（成果）名称", "Achievement", "Text", maxLength=100),
                F("award_category", "奖励类别", "Category", "Choice", options=[
                    ("progress", "科学技术进步奖", "Scientific and technological progress"), ("invention", "技术发明奖", "Technological invention"),
                    ("natural", "自然科学奖", "Natural science")])]
    if named(it, "计量标准"):
        return [F("standard_name", "计量标准名称", "Measurement standard", "Text", maxLength=100),
                F("measurement_range", "测量范围", "Range", "Text", maxLength=100)]
    fields = [F("main_business", "主营业务", "Main business", "Text", maxLength=200),
              F("employees", "职工人数", "Employees", "Number", min=1, max=1000000),
              F("annual_revenue", "上年度营业收入（万元）", "Revenue last year (10,000 yuan)", "Number", min=0, max=100000000)]
    if named(it, "资质"):
        fields.insert(0, F("qualification_level", "申请的资质类别和等级", "Qualification and grade applied for", "Text", maxLength=100))
    return fields


def labour(it):
    fields = [F("employees", "职工人数", "Employees", "Number", min=1, max=1000000)]
    if named(it, "工时"):
        fields += [F("positions", "实行特殊工时制度的岗位", "Jobs on special working hours", "Text", maxLength=200),
                   F("workers_affected", "涉及职工人数", "Employees concerned", "Number", min=1, max=1000000)]
    elif named(it, "裁员"):
        fields += [F("layoff_count", "拟裁减人数", "Employees to be laid off", "Number", min=1, max=1000000),
                   F("layoff_date", "拟裁减日期", "Lay-offs from", "Date")]
    elif named(it, "集体合同"):
        fields += [F("contract_start", "合同期限起", "Agreement runs from", "Date"), F("contract_end", "合同期限止", "Agreement runs until", "Date")]
    elif named(it, "缓缴"):
        fields.append(F("defer_months", "申请缓缴期限（月）", "Deferral (months)", "Number", min=1, max=12))
    elif named(it, "基数"):
        fields.append(F("monthly_base", "月缴存基数合计（元）", "Monthly contribution base in all (yuan)", "Number", min=1, max=1000000000))
    return fields


def business_misc(it):
    if named(it, "公章"):
        return [F("seal_kinds", "刻制印章种类", "Seals to be made", "MultiChoice", options=[
                    ("official", "单位公章", "Official seal"), ("finance", "财务专用章", "Finance seal"), ("invoice", "发票专用章", "Invoice seal"),
                    ("contract", "合同专用章", "Contract seal"), ("representative", "法定代表人名章", "Legal representative's seal")]),
                F("engraver", "刻制企业", "Seal maker", "Text", maxLength=100)]
    if named(it, "股权出质"):
        return [F("pledged_company", "出质股权所在公司", "Company whose equity is pledged", "Text", maxLength=100),
                F("pledged_amount", "出质股权数额（万元）", "Equity pledged (10,000 yuan)", "Number", min=0.01, max=100000000),
                F("pledgee_name", "质权人", "Pledgee", "Text", maxLength=100)]
    if named(it, "票据领购"):
        return [F("receipt_kind", "票据种类", "Kind of receipt", "Text", maxLength=50), F("receipt_count", "领购数量（本）", "Books", "Number", min=1, max=1000)]
    if named(it, "市场主体"):
        return [F("entity_roles", "主体角色", "Taking part as", "MultiChoice", options=[
                    ("tenderer", "招标人", "Tenderer"), ("bidder", "投标人", "Bidder"), ("agency", "招标代理机构", "Tendering agent"), ("supplier", "供应商", "Supplier")])]
    if named(it, "查封"):
        return [F("property_address", "查封不动产坐落", "Location of the property", "Text", maxLength=100),
                F("ruling_number", "查封裁定书文号", "Number of the seizure ruling", "Text", maxLength=50),
                F("seizure_end", "查封期限至", "Seized until", "Date")]
    if named(it, "应急预案"):
        return [F("plan_kinds", "预案类别", "Plans filed", "MultiChoice", options=[
                    ("comprehensive", "综合应急预案", "Overall plan"), ("special", "专项应急预案", "Plan for a specific risk"),
                    ("on_site", "现场处置方案", "On-site response plan")]),
                F("risk_level", "风险等级", "Risk level", "Choice", options=[("general", "一般", "Ordinary"), ("larger", "较大", "Higher"), ("major", "重大", "Major")])]
    if named(it, "技术合同"):
        return [F("contract_kind", "合同类别", "Kind of contract", "Choice", options=[
                    ("development", "技术开发", "Technology development"), ("transfer", "技术转让", "Technology transfer"),
                    ("licence", "技术许可", "Technology licence"), ("consulting", "技术咨询", "Technical consulting"), ("service", "技术服务", "Technical service")]),
                F("contract_amount", "合同成交额（万元）", "Contract value (10,000 yuan)", "Number", min=0.01, max=10000000)]
    if named(it, "特种设备"):
        return [F("equipment_kind", "设备种类", "Kind of equipment", "Choice", options=[
                    ("boiler", "锅炉", "Boiler"), ("pressure_vessel", "压力容器", "Pressure vessel"), ("elevator", "电梯", "Lift"),
                    ("crane", "起重机械", "Crane"), ("vehicle", "场（厂）内专用机动车辆", "Site vehicle")]),
                F("equipment_code", "设备代码", "Equipment code", "Text", maxLength=30),
                F("use_address", "设备使用地点", "Where it is used", "Text", maxLength=100)]
    if named(it, "辐射|放射"):
        return [F("radiation_devices", "射线装置名称、类别和数量", "Radiation devices: name, class and number", "Text", maxLength=200)]
    return [F("terminals", "计算机终端台数", "Computer terminals", "Number", min=1, max=10000)] if named(it, "上网服务") else []


def site(it):
    return [F("location", "地点", "Place", "Text", maxLength=100), F("works_start", "开始日期", "From", "Date"), F("works_end", "结束日期", "Until", "Date")]


# (applies, block) in the order asked.
TOPICS = [
    (lambda it: named(it, "外国"), people.foreigner),
    (lambda it: named(it, "护照|通行证"), travel),
    (lambda it: named(it, "科学技术奖|专精特新|技术中心|慈善组织认定|资质|计量标准") and "legal-person" in it["subjects"], recognition),
    (lambda it: named(it, "工时|裁员|集体合同|缓缴|缴存基数"), labour),
    (lambda it: named(it, "门诊|异地就医|定点"), people.medical),
    (lambda it: named(it, "就业困难|就业创业证|社会保障卡申领"), people.employment),
    (lambda it: named(it, "公章|股权出质|票据领购|市场主体|查封|应急预案|上网服务|技术合同|特种设备|辐射|放射"), business_misc),
    (lambda it: named(it, SITE), site),
    (is_project, project),
    (lambda it: is_property(it) and not named(it, "查封"), property_),
    (is_vehicle, vehicle),
    (lambda it: named(it, "群众性活动|演出|气球活动"), event),
    (lambda it: named(it, "购买许可|检疫"), goods),
    (lambda it: named(it, "采伐|砍伐|林地|草原|绿地|设施农业|耕地"), land_use),
    (lambda it: named(it, "取水|采砂|排水管网|河道"), water),
    (lambda it: named(it, "转学|学历证明|助学金"), people.school),
    (lambda it: named(it, "退休|工伤|劳动能力"), people.work),
    (lambda it: named(it, "残疾"), people.disability),
    (lambda it: named(it, "退役|复员|烈士|光荣牌"), people.veteran),
    (lambda it: named(it, "税|保险费|发票|开票") and not named(it, "证明开具|减免"), people.tax),
    (has_premises, premises),
    (lambda it: named(it, "最低生活保障|特困|临时救助|低收入|公共租赁住房|租赁补贴|医疗救助|法律援助|助学金|困难残疾人"), people.means),
    (lambda it: named(it, "资格认证|扶助|农机|培训补贴|康复|社会保险补贴"), people.benefit_details),
    (people.is_payment, people.payment),
]
