#!/usr/bin/env python3
"""Writes license-types.json: the demo region's license catalog (证照目录), read by the licenses module.

Each type: the license type code (the defining authority's 18-character credit code + 3 digits), names, the
defining department (a national ministry), the Tieling departments that issue it (credit codes of departments.csv),
who holds it, its validity, its printed fields (kernel form fields), the catalog items that produce it and the
materials (by name, as catalog.json's "license" names them) it replaces; a few carry a mapping from a case's form.

Codes: two defining authorities' credit codes are real and their type codes seen in public implementations
(住房和城乡建设部 11100000000013338W with 011 and 032; 国家市场监督管理总局 11100000MB0143028R with 001 for 营业执照);
every other defining authority's code is a demonstration code made by make_codes.py (right shape, verifying check
characters, NOT the ministry's real code), and their three-digit serials are ours. Field lists follow
domain-facts-2.md §1.5 (unconfirmed per license there); they are data an administrator can change.
Run: python3 tools/make_license_types.py  (deterministic).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from make_codes import make, verify  # noqa: E402

REAL = {"住房和城乡建设部": "11100000000013338W", "国家市场监督管理总局": "11100000MB0143028R"}


def ministry(name):
    return REAL.get(name) or make("11", "100000", "ministry:" + name)


# Tieling issuing departments (departments.csv).
PSB, TRAFFIC, CIVIL, HEALTH, SAMR = "11211200061012195B", "112112000704011929", "11211200096593487Q", "112112000397147050", "11211200025881318U"
REALESTATE, NATRES, HOUSING, HRSS, SOCIAL = "122112000027882922", "11211200023387148M", "112112000879874175", "11211200061416624L", "1221120002082930X5"
ECO, TRANSPORT, EMERGENCY, AGRI, DISABLED = "112112000642937543", "11211200078076478C", "11211200093607679G", "11211200094934241D", "13211200038578545J"
EDU, JUSTICE, WATER, TOBACCO, CULTURE = "112112000436062482", "1121120001177321XG", "11211200000736253J", "11211200059600959R", "11211200067095518U"


def F(key, zh, en, typ="Text", required=True, options=None):
    field = {"key": key, "labelZh": zh, "labelEn": en, "type": typ, "required": required}
    if options:
        field["options"] = [{"value": v, "labelZh": z, "labelEn": e} for v, z, e in options]
    return field


SEX = [("male", "男", "Male"), ("female", "女", "Female")]
SCOPE = F("scope", "经营范围", "Scope", "LongText")
ADDRESS = F("address", "住所（经营场所）", "Address")
LEGAL_REP = F("legal_representative", "法定代表人（负责人）", "Legal representative")

# (code suffix, name, English, defining department, issuers, holder, validity, fields, produced by, replaces, issue mapping)
TYPES = [
    ("001", "营业执照", "Business licence", "国家市场监督管理总局", [SAMR], "LegalPerson", ("OpenEnded", None),
     [F("entity_type", "类型", "Entity type"), LEGAL_REP, F("registered_capital", "注册资本", "Registered capital", required=False),
      F("established_on", "成立日期", "Established on", "Date"), ADDRESS, SCOPE],
     ["11211200025881318U00012100200001", "11211200025881318U00012101200001"], ["营业执照"], None),
    ("002", "个体工商户营业执照", "Individual business licence", "国家市场监督管理总局", [SAMR], "LegalPerson", ("OpenEnded", None),
     [F("operator", "经营者", "Operator"), F("organisation", "组成形式", "Run by", "Choice", options=[("personal", "个人经营", "One person"), ("family", "家庭经营", "A family")]),
      F("address", "经营场所", "Premises"), F("scope", "经营范围", "Scope", "LongText"), F("registered_on", "注册日期", "Registered on", "Date")],
     ["11211200025881318U00012100600001"], ["个体工商户营业执照"], None),
    ("003", "食品经营许可证", "Food business licence", "国家市场监督管理总局", [SAMR], "LegalPerson", ("FixedYears", 5),
     [F("operator", "经营者名称", "Operator"), LEGAL_REP, F("address", "经营场所", "Premises"), F("business_form", "主体业态", "Business form"),
      F("activities", "经营项目", "Activities", "LongText")],
     ["11211200025881318U00012101300001", "11211200025881318U00012101500001"], ["食品经营许可证"], None),
    ("004", "食品生产许可证", "Food production licence", "国家市场监督管理总局", [SAMR], "LegalPerson", ("FixedYears", 5),
     [F("producer", "生产者名称", "Producer"), F("address", "生产地址", "Production address"), F("food_category", "食品类别", "Food category")],
     ["11211200025881318U00012101700001"], ["食品生产许可证"], None),
    ("005", "特种设备使用登记证", "Special equipment use registration certificate", "国家市场监督管理总局", [SAMR], "LegalPerson", ("OpenEnded", None),
     [F("user_unit", "使用单位", "User"), F("equipment_kind", "设备种类", "Equipment kind"), F("equipment_code", "设备代码", "Equipment code"),
      F("address", "设备使用地点", "Where it is used")],
     ["11211200025881318U00012102300001"], ["特种设备使用登记证"], None),
    ("006", "药品经营许可证", "Drug trading licence", "国家药品监督管理局", [SAMR], "LegalPerson", ("FixedYears", 5),
     [F("enterprise", "企业名称", "Enterprise"), LEGAL_REP, F("address", "注册地址", "Address"), F("scope", "经营范围", "Scope", "LongText")],
     ["11211200025881318U00012101900001"], ["药品经营许可证"], None),
    ("007", "医疗器械经营许可证", "Medical device trading licence", "国家药品监督管理局", [SAMR], "LegalPerson", ("FixedYears", 5),
     [F("enterprise", "企业名称", "Enterprise"), LEGAL_REP, F("address", "经营场所", "Premises"), F("scope", "经营范围", "Scope", "LongText")],
     ["11211200025881318U00012102200001"], ["医疗器械经营许可证"], None),
    ("001", "居民户口簿", "Household register", "公安部", [PSB], "Person", ("OpenEnded", None),
     [F("household_kind", "户别", "Household kind", "Choice", options=[("family", "家庭户", "Family household"), ("collective", "集体户", "Collective household")]),
      F("head_name", "户主姓名", "Head of household"), F("household_address", "住址", "Address"), F("registration_office", "户口登记机关", "Registration office", required=False)],
     ["11211200061012195B00070500700101", "11211200061012195B00070501200001"], ["居民户口簿"],
     {"fields": {"household_kind": "text:family", "head_name": "applicant:name", "household_address": "form:to_address", "registration_office": "text:铁岭市公安局"}}),
    ("002", "居民身份证", "Resident identity card", "公安部", [PSB], "Person", ("PerRecord", None),
     [F("sex", "性别", "Sex", "Choice", options=SEX), F("ethnicity", "民族", "Ethnicity"), F("birth_date", "出生", "Born", "Date"),
      F("address", "住址", "Address"), F("issuing_office", "签发机关", "Issued by")],
     ["11211200061012195B00070500100001", "11211200061012195B00070500200001", "11211200061012195B00070500300001"], ["居民身份证"], None),
    ("003", "居住证", "Residence permit", "公安部", [PSB], "Person", ("FixedYears", 1),
     [F("address", "居住地址", "Address in the city"), F("resident_since", "来本市居住日期", "Living in the city since", "Date", required=False),
      F("issuing_office", "签发机关", "Issued by")],
     ["11211200061012195B00070501100001"], ["居住证"], {"fields": {"address": "form:address", "resident_since": "form:resident_since", "issuing_office": "text:铁岭市公安局"}}),
    ("004", "机动车驾驶证", "Driving licence", "公安部", [TRAFFIC], "Person", ("PerRecord", None),
     [F("sex", "性别", "Sex", "Choice", options=SEX), F("nationality", "国籍", "Nationality"), F("address", "住址", "Address"),
      F("birth_date", "出生日期", "Born", "Date"), F("first_issued_on", "初次领证日期", "First issued on", "Date"), F("vehicle_class", "准驾车型", "Vehicle class")],
     [], ["机动车驾驶证"], None),
    ("005", "机动车行驶证", "Vehicle licence", "公安部", [TRAFFIC], "Both", ("OpenEnded", None),
     [F("plate_number", "号牌号码", "Plate number"), F("vehicle_type", "车辆类型", "Vehicle type"), F("brand_model", "品牌型号", "Brand and model"),
      F("vin", "车辆识别代号", "VIN"), F("registered_on", "注册日期", "Registered on", "Date")],
     [], ["机动车行驶证"], None),
    ("006", "机动车登记证书", "Vehicle registration certificate", "公安部", [TRAFFIC], "Both", ("OpenEnded", None),
     [F("plate_number", "号牌号码", "Plate number"), F("vin", "车辆识别代号", "VIN"), F("registered_on", "注册登记日期", "Registered on", "Date")],
     [], ["机动车登记证书"], None),
    ("001", "结婚证", "Marriage certificate", "民政部", [CIVIL], "Person", ("OpenEnded", None),
     [F("registered_on", "登记日期", "Registered on", "Date"), F("certificate_number", "结婚证字号", "Certificate number"),
      F("spouse_name", "配偶姓名", "Spouse's name"), F("spouse_id_number", "配偶身份证件号", "Spouse's ID number", "IdNumber"),
      F("registration_office", "登记机关", "Registration office")],
     ["11211200096593487Q00070600100001", "11211200096593487Q00070600300001"], ["结婚证"], None),
    ("002", "离婚证", "Divorce certificate", "民政部", [CIVIL], "Person", ("OpenEnded", None),
     [F("registered_on", "登记日期", "Registered on", "Date"), F("certificate_number", "离婚证字号", "Certificate number"),
      F("former_spouse_name", "原配偶姓名", "Former spouse's name"), F("registration_office", "登记机关", "Registration office")],
     ["11211200096593487Q00070600200001"], ["离婚证"], None),
    ("003", "社会团体法人登记证书", "Social organisation registration certificate", "民政部", [CIVIL], "LegalPerson", ("FixedYears", 5),
     [F("organisation_name", "名称", "Name"), F("business_scope", "业务范围", "Business scope", "LongText"), F("activity_area", "活动地域", "Area"),
      LEGAL_REP, F("registered_capital", "注册资金", "Registered funds", required=False)],
     ["11211200096593487Q00010600900001", "11211200096593487Q00010601000001"], ["社会团体法人登记证书"], None),
    ("004", "民办非企业单位登记证书", "Private non-enterprise unit registration certificate", "民政部", [CIVIL], "LegalPerson", ("FixedYears", 5),
     [F("organisation_name", "名称", "Name"), F("business_scope", "业务范围", "Business scope", "LongText"), F("address", "住所", "Address"), LEGAL_REP],
     ["11211200096593487Q00010601200001", "11211200096593487Q00010601300001"], ["民办非企业单位登记证书"], None),
    ("001", "出生医学证明", "Medical birth certificate", "国家卫生健康委员会", [HEALTH], "Person", ("OpenEnded", None),
     [F("newborn_name", "新生儿姓名", "Newborn's name"), F("sex", "性别", "Sex", "Choice", options=SEX), F("born_at", "出生时间", "Time of birth"),
      F("birthplace", "出生地点", "Place of birth"), F("mother_name", "母亲姓名", "Mother's name"), F("father_name", "父亲姓名", "Father's name", required=False),
      F("institution", "接生机构", "Delivered at")],
     ["11211200039714705000201800100001", "11211200039714705000201800200001"], ["出生医学证明"], None),
    ("002", "医疗机构执业许可证", "Medical institution practising licence", "国家卫生健康委员会", [HEALTH], "LegalPerson", ("FixedYears", 5),
     [F("institution", "机构名称", "Institution"), F("address", "地址", "Address"), F("subjects", "诊疗科目", "Clinical subjects", "LongText"), LEGAL_REP],
     ["11211200039714705000011800800001"], ["医疗机构执业许可证"], None),
    ("003", "医师执业证书", "Physician practising certificate", "国家卫生健康委员会", [HEALTH], "Person", ("OpenEnded", None),
     [F("workplace", "执业地点", "Place of practice"), F("category", "执业类别", "Category"), F("scope", "执业范围", "Scope")],
     ["11211200039714705000011800300001", "11211200039714705000011800400001"], ["医师执业证书"], None),
    ("004", "护士执业证书", "Nurse practising certificate", "国家卫生健康委员会", [HEALTH], "Person", ("FixedYears", 5),
     [F("workplace", "执业地点", "Place of practice")],
     ["11211200039714705000011800500001"], ["护士执业证书"], None),
    ("005", "公共场所卫生许可证", "Public place hygiene licence", "国家卫生健康委员会", [HEALTH], "LegalPerson", ("FixedYears", 4),
     [F("unit_name", "单位名称", "Unit"), F("address", "地址", "Address"), F("project", "许可项目", "Licensed activity")],
     ["11211200039714705000011801200001"], ["公共场所卫生许可证"], None),
    ("006", "居民死亡医学证明（推断）书", "Medical certificate of death", "国家卫生健康委员会", [HEALTH], "Person", ("OpenEnded", None),
     [F("died_at", "死亡日期", "Date of death", "Date"), F("place", "死亡地点", "Place of death"), F("cause", "根本死因", "Underlying cause")],
     ["11211200039714705000201802000001"], ["居民死亡医学证明（推断）书"], None),
    ("001", "不动产权证书", "Real estate title certificate", "自然资源部", [REALESTATE], "Both", ("PerRecord", None),
     [F("co_ownership", "共有情况", "Co-ownership"), F("location", "坐落", "Location"), F("unit_number", "不动产单元号", "Real estate unit number"),
      F("right_type", "权利类型", "Type of right"), F("right_nature", "权利性质", "Nature of right"), F("use", "用途", "Use"),
      F("area", "面积（平方米）", "Area (m²)", "Number")],
     [], ["不动产权证书"], None),
    ("002", "不动产登记证明", "Real estate registration certificate", "自然资源部", [REALESTATE], "Both", ("OpenEnded", None),
     [F("matter", "证明权利或事项", "Right or matter"), F("obligor", "义务人", "Obligor", required=False), F("location", "坐落", "Location"),
      F("unit_number", "不动产单元号", "Real estate unit number")],
     [], ["不动产登记证明"], None),
    ("003", "建设用地规划许可证", "Construction land planning permit", "自然资源部", [NATRES], "LegalPerson", ("OpenEnded", None),
     [F("project", "项目名称", "Project"), F("location", "用地位置", "Location"), F("area", "用地面积（平方米）", "Area (m²)", "Number")],
     ["11211200023387148M00011000100001"], ["建设用地规划许可证"], None),
    ("004", "建设工程规划许可证", "Construction project planning permit", "自然资源部", [NATRES], "LegalPerson", ("OpenEnded", None),
     [F("project", "建设项目名称", "Project"), F("location", "建设位置", "Location"), F("scale", "建设规模", "Scale")],
     ["11211200023387148M00011000200001"], ["建设工程规划许可证"], None),
    ("005", "建设项目用地预审与选址意见书", "Land pre-examination and site selection opinion", "自然资源部", [NATRES], "LegalPerson", ("FixedYears", 3),
     [F("project", "项目名称", "Project"), F("planned_area", "拟用地面积（平方米）", "Planned area (m²)", "Number"), F("location", "拟选位置", "Planned site")],
     ["11211200023387148M00011000400001"], ["用地预审与选址意见书"], None),
    ("006", "乡村建设规划许可证", "Rural construction planning permit", "自然资源部", [NATRES], "Both", ("FixedYears", 2),
     [F("project", "建设项目名称", "Project"), F("location", "建设位置", "Location"), F("scale", "建设规模", "Scale")],
     ["11211200023387148M00011000300001"], ["乡村建设规划许可证"], None),
    ("021", "建筑工程施工许可证", "Construction permit", "住房和城乡建设部", [HOUSING], "LegalPerson", ("OpenEnded", None),
     [F("project", "工程名称", "Project"), F("site", "建设地址", "Site"), F("scale", "建设规模", "Scale"), F("contract_price", "合同价格（万元）", "Contract price (10,000 yuan)", "Number"),
      F("participants", "参建单位", "Participating units", "LongText"), F("contract_period", "合同工期", "Contract period")],
     ["11211200087987417500011200100001"], ["建筑工程施工许可证"], None),
    ("032", "建筑施工特种作业人员操作资格证书", "Construction special operations certificate", "住房和城乡建设部", [HOUSING], "Person", ("FixedYears", 2),
     [F("trade", "工种", "Trade")], [], ["特种作业人员操作资格证书"], None),
    ("011", "安管人员考核合格证书", "Safety management staff certificate", "住房和城乡建设部", [HOUSING], "Person", ("FixedYears", 3),
     [F("enterprise", "企业名称", "Enterprise"), F("enterprise_code", "统一社会信用代码", "Enterprise's credit code", "CreditCode"),
      F("post", "岗位类别", "Post", "Choice", options=[("A", "A类（企业主要负责人）", "A (principal)"), ("B", "B类（项目负责人）", "B (project manager)"), ("C", "C类（专职安全生产管理人员）", "C (safety officer)")])],
     [], ["安管人员考核合格证书"], None),
    ("022", "建筑业企业资质证书", "Construction enterprise qualification certificate", "住房和城乡建设部", [HOUSING], "LegalPerson", ("FixedYears", 5),
     [F("enterprise", "企业名称", "Enterprise"), F("qualification", "资质类别及等级", "Qualification and grade", "LongText"), LEGAL_REP],
     ["11211200087987417500011200600001"], ["建筑业企业资质证书"], None),
    ("023", "商品房预售许可证", "Pre-sale permit for commodity housing", "住房和城乡建设部", [HOUSING], "LegalPerson", ("OpenEnded", None),
     [F("project", "项目名称", "Project"), F("location", "坐落", "Location"), F("area", "预售面积（平方米）", "Pre-sale area (m²)", "Number")],
     ["11211200087987417500011200800001"], ["商品房预售许可证"], None),
    ("001", "社会保障卡", "Social security card", "人力资源和社会保障部", [SOCIAL], "Person", ("FixedYears", 10),
     [F("card_number", "卡号", "Card number"), F("issued_bank", "发卡银行", "Issuing bank", required=False)], [], ["社会保障卡"], None),
    ("002", "人力资源服务许可证", "Human resources service licence", "人力资源和社会保障部", [HRSS], "LegalPerson", ("FixedYears", 5),
     [F("institution", "机构名称", "Institution"), F("address", "住所", "Address"), F("service_scope", "服务范围", "Services", "LongText")],
     ["11211200061416624L00010900200001"], ["人力资源服务许可证"], None),
    ("003", "劳务派遣经营许可证", "Labour dispatch licence", "人力资源和社会保障部", [HRSS], "LegalPerson", ("FixedYears", 3),
     [F("enterprise", "单位名称", "Enterprise"), F("address", "住所", "Address"), LEGAL_REP],
     ["11211200061416624L00010900100001"], ["劳务派遣经营许可证"], None),
    ("001", "排污许可证", "Pollutant discharge permit", "生态环境部", [ECO], "LegalPerson", ("FixedYears", 5),
     [F("unit_name", "单位名称", "Unit"), F("industry", "行业类别", "Industry"), F("address", "生产经营场所地址", "Address")],
     ["11211200064293754300011100400001", "11211200064293754300011100500001"], ["排污许可证"], None),
    ("002", "危险废物经营许可证", "Hazardous waste business licence", "生态环境部", [ECO], "LegalPerson", ("FixedYears", 5),
     [F("unit_name", "单位名称", "Unit"), F("categories", "经营类别", "Categories", "LongText"), F("scale", "经营规模（吨/年）", "Scale (t/year)", "Number")],
     ["11211200064293754300011100600001"], ["危险废物经营许可证"], None),
    ("001", "道路运输经营许可证", "Road transport business licence", "交通运输部", [TRANSPORT], "LegalPerson", ("FixedYears", 4),
     [F("operator", "业户名称", "Operator"), F("address", "地址", "Address"), F("scope", "经营范围", "Scope", "LongText")],
     ["11211200078076478C00011300100101", "11211200078076478C00011300100201", "11211200078076478C00011300100301"], ["道路运输经营许可证"], None),
    ("002", "道路运输证", "Road transport certificate", "交通运输部", [TRANSPORT], "LegalPerson", ("FixedYears", 6),
     [F("operator", "业户名称", "Operator"), F("plate_number", "车辆号牌", "Plate number"), F("scope", "经营范围", "Scope")],
     ["11211200078076478C00011300500001"], ["道路运输证"], None),
    ("003", "道路运输从业资格证", "Road transport qualification certificate", "交通运输部", [TRANSPORT], "Person", ("FixedYears", 6),
     [F("category", "从业资格类别", "Qualification")], ["11211200078076478C00011300400001"], ["道路运输从业资格证"], None),
    ("001", "危险化学品经营许可证", "Hazardous chemicals business licence", "应急管理部", [EMERGENCY], "LegalPerson", ("FixedYears", 3),
     [F("enterprise", "企业名称", "Enterprise"), F("mode", "经营方式", "Mode"), F("scope", "许可范围", "Licensed scope", "LongText")],
     ["11211200093607679G00012000100001"], ["危险化学品经营许可证"], None),
    ("002", "烟花爆竹经营（零售）许可证", "Fireworks retail licence", "应急管理部", [EMERGENCY], "LegalPerson", ("FixedYears", 1),
     [F("enterprise", "单位名称", "Unit"), F("address", "经营场所", "Premises")], ["11211200093607679G00012000200001"], ["烟花爆竹经营许可证"], None),
    ("001", "动物诊疗许可证", "Animal clinic licence", "农业农村部", [AGRI], "LegalPerson", ("OpenEnded", None),
     [F("institution", "机构名称", "Institution"), F("address", "诊疗地址", "Address"), F("scope", "诊疗活动范围", "Scope")],
     ["11211200094934241D00011500900001"], ["动物诊疗许可证"], None),
    ("002", "兽药经营许可证", "Veterinary drug business licence", "农业农村部", [AGRI], "LegalPerson", ("FixedYears", 5),
     [F("enterprise", "企业名称", "Enterprise"), F("address", "经营地址", "Address"), F("scope", "经营范围", "Scope", "LongText")],
     ["11211200094934241D00011500200001"], ["兽药经营许可证"], None),
    ("003", "农药经营许可证", "Pesticide business licence", "农业农村部", [AGRI], "LegalPerson", ("FixedYears", 5),
     [F("enterprise", "企业名称", "Enterprise"), F("address", "经营场所", "Premises"), F("scope", "经营范围", "Scope")],
     ["11211200094934241D00011500100001"], ["农药经营许可证"], None),
    ("001", "残疾人证", "Disability certificate", "中国残疾人联合会", [DISABLED], "Person", ("FixedYears", 10),
     [F("sex", "性别", "Sex", "Choice", options=SEX), F("certificate_number", "残疾人证号", "Certificate number"),
      F("category", "残疾类别", "Category", "Choice", options=[("vision", "视力残疾", "Visual"), ("hearing", "听力残疾", "Hearing"), ("speech", "言语残疾", "Speech"),
                                                               ("physical", "肢体残疾", "Physical"), ("intellectual", "智力残疾", "Intellectual"), ("mental", "精神残疾", "Mental"), ("multiple", "多重残疾", "Multiple")]),
      F("grade", "残疾等级", "Grade", "Choice", options=[("1", "一级", "Grade 1"), ("2", "二级", "Grade 2"), ("3", "三级", "Grade 3"), ("4", "四级", "Grade 4")])],
     [], ["残疾人证"], None),
    ("001", "教师资格证书", "Teacher qualification certificate", "教育部", [EDU], "Person", ("OpenEnded", None),
     [F("qualification", "资格种类", "Kind of qualification"), F("subject", "任教学科", "Subject")], ["11211200043606248200070200300001"], ["教师资格证书"], None),
    ("001", "律师执业证", "Lawyer's practising certificate", "司法部", [JUSTICE], "Person", ("OpenEnded", None),
     [F("firm", "执业机构", "Law firm"), F("category", "执业证类别", "Category", required=False)], ["1121120001177321XG00010700100001"], ["律师执业证"], None),
    ("002", "律师事务所执业许可证", "Law firm practising licence", "司法部", [JUSTICE], "LegalPerson", ("OpenEnded", None),
     [F("firm", "名称", "Name"), F("address", "住所", "Address"), F("principal", "负责人", "Principal")], ["1121120001177321XG00010700200001"], ["律师事务所执业许可证"], None),
    ("001", "取水许可证", "Water abstraction permit", "水利部", [WATER], "LegalPerson", ("FixedYears", 5),
     [F("holder_unit", "取水权人", "Right holder"), F("source", "水源类型", "Water source"), F("volume", "取水量（万立方米/年）", "Volume (10,000 m³/year)", "Number")],
     ["11211200000736253J00011400100001"], ["取水许可证"], None),
    ("001", "烟草专卖零售许可证", "Tobacco monopoly retail licence", "国家烟草专卖局", [TOBACCO], "LegalPerson", ("FixedYears", 5),
     [F("business_name", "字号名称", "Business name"), F("operator", "负责人（经营者）", "Operator"), F("address", "经营场所", "Premises"),
      F("store_kind", "经营业态", "Kind of shop", "Choice", options=[("grocery", "食杂店", "Grocery"), ("convenience", "便利店", "Convenience store"), ("supermarket", "超市", "Supermarket")])],
     ["11211200059600959R00013200100001"], ["烟草专卖零售许可证"], None),
    ("001", "旅行社业务经营许可证", "Travel agency licence", "文化和旅游部", [CULTURE], "LegalPerson", ("OpenEnded", None),
     [F("agency", "旅行社名称", "Agency"), F("address", "经营场所", "Premises"), LEGAL_REP, F("scope", "经营范围", "Scope")],
     ["11211200067095518U00011700200001"], ["旅行社业务经营许可证"], None),
    ("002", "导游证", "Tour guide certificate", "文化和旅游部", [CULTURE], "Person", ("FixedYears", 3),
     [F("language", "语种", "Language"), F("grade", "等级", "Grade")], ["11211200067095518U00011700700001"], ["导游证"], None),
]


def entry(t):
    suffix, name, en, definer, issuers, holder, (kind, years), fields, items, replaces, issue = t
    code = ministry(definer) + suffix
    e = {"code": code, "name": name, "nameEn": en, "definingDepartment": definer, "issuingAuthorities": issuers, "holder": holder,
         "validity": {"kind": kind, **({"years": years} if years else {})}, "fields": fields, "producedBy": items, "replaces": replaces}
    if issue:
        e["issue"] = issue
    return e


def main():
    entries = [entry(t) for t in TYPES]
    codes = [e["code"] for e in entries]
    assert len(set(codes)) == len(codes), "duplicate type codes"
    for e in entries:
        assert not verify(e["code"][:18]) and e["code"][18:].isdigit(), e["code"]
    out = os.path.join(os.path.dirname(__file__), "..", "license-types.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(entries, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(entries)} license types of {len({e['definingDepartment'] for e in entries})} defining departments, "
          f"{len({i for e in entries for i in e['issuingAuthorities']})} issuing authorities -> license-types.json")


if __name__ == "__main__":
    main()
