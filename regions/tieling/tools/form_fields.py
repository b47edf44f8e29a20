"""The fields generated application forms are made of (read by forms_by_kind.py).

One key means one thing in every item, so a bundle (一件事) asks it once: the applicant's `mobile`, the premises'
`address` (as in demo_forms.py), a project's `project_name`, a benefit's `bank_account` … Labels are Chinese first with
real English; limits are those of the real forms (names 30 characters, addresses 100, amounts within what an item
can be about). Field notation: F from demo_forms.py.
"""
from demo_forms import F

OTHER = ("other", "其他", "Other")


def choice(key, zh, en, options, required=True, other_zh="其他情况说明", other_en="Describe it"):
    """A choice, and a text field shown when its option `other` is chosen."""
    fields = [F(key, zh, en, "Choice", required, options=options)]
    if any(o[0] == "other" for o in options):
        fields.append(F(f"{key}_other", other_zh, other_en, "Text", when=(key, "other"), maxLength=100))
    return fields


# Who applies. The applicant's name and ID number come from the account, never from the form.
MOBILE = F("mobile", "联系电话（手机）", "Mobile phone", "Phone")
CONTACT_ADDRESS = F("contact_address", "联系地址", "Contact address", "Text", maxLength=100)
APPLICANT_TYPE = F("applicant_type", "申请人类型", "Applying as", "Choice", options=[
    ("person", "自然人", "An individual"), ("organisation", "法人或其他组织", "An organisation")])


def organisation(when=None):
    """The organisation applied for: its name, its credit code and who to contact there."""
    return [
        F("enterprise_name", "单位名称", "Name of the organisation", "Text", when=when, maxLength=100),
        F("credit_code", "统一社会信用代码", "Unified social credit code", "CreditCode", when=when),
        F("contact_name", "联系人姓名", "Contact person", "Text", when=when, maxLength=30),
    ]


# How the result reaches the applicant; a fully online item also offers the electronic licence.
def delivery(online):
    options = [("window", "窗口领取", "Collect it at the window"), ("mail", "邮寄送达（免费）", "By post (free)")]
    if online:
        options.append(("electronic", "电子证照（网上下载）", "Electronic licence, downloaded online"))
    return [
        F("delivery", "结果领取方式", "How to receive the result", "Choice", options=options),
        F("mail_address", "邮寄地址", "Postal address", "Text", when=("delivery", "mail"), maxLength=100),
    ]


# Premises and business.
PREMISES = [
    F("address", "经营场所", "Premises", "Text", maxLength=100),
    F("division", "经营场所所在行政区划", "Division of the premises", "Division"),
]
SITE_AREA = F("site_area", "经营场所面积（平方米）", "Floor area (m²)", "Number", min=1, max=100000)
SCOPE = F("scope", "经营范围", "Business scope", "LongText", maxLength=500)
STAFF = F("staff", "从业人数", "People employed", "Number", required=False, min=0, max=100000)

# A benefit is paid into a bank account of the applicant's.
BANK = [
    F("bank_name", "开户银行", "Bank", "Text", maxLength=50),
    F("bank_account", "银行账号", "Bank account number", "Text", maxLength=30,
      hintZh="本人名下的借记卡或社会保障卡金融账户，16至19位数字", hintEn="A debit card or social security card account in your own name, 16 to 19 digits"),
]

# A construction project, the same keys through every approval of the project.
PROJECT = [
    F("project_name", "项目名称", "Project name", "Text", maxLength=100),
    F("project_code", "投资项目统一代码", "Investment project code", "Text", False, maxLength=24,
      hintZh="在投资项目在线审批监管平台赋予的代码，如2026-211200-47-01-000123", hintEn="The code the investment project platform gave, e.g. 2026-211200-47-01-000123"),
    F("project_address", "建设地点", "Site of the project", "Text", maxLength=100),
    F("project_division", "建设地点所在行政区划", "Division of the site", "Division"),
]
LAND_AREA = F("land_area", "用地面积（平方米）", "Land area (m²)", "Number", min=1, max=100000000)
FLOOR_AREA = F("floor_area", "建筑面积（平方米）", "Floor area of the buildings (m²)", "Number", min=1, max=10000000)
INVESTMENT = F("total_investment", "总投资（万元）", "Total investment (10,000 yuan)", "Number", min=0, max=100000000)

# Real estate (不动产).
PROPERTY = [
    F("property_address", "不动产坐落", "Location of the property", "Text", maxLength=100),
    F("property_use", "用途", "Use", "Choice", options=[
        ("residential", "住宅", "Housing"), ("commercial", "商业服务", "Commerce"), ("industrial", "工业", "Industry"),
        ("office", "办公", "Offices"), ("land", "土地（无房屋）", "Land without buildings")]),
    F("property_area", "面积（平方米）", "Area (m²)", "Number", min=1, max=10000000),
]
PROPERTY_CERTIFICATE = F("property_certificate_number", "不动产权证书号", "Real estate certificate number", "Text", maxLength=50,
                         hintZh="如辽（2026）铁岭市不动产权第0001234号", hintEn="e.g. 辽（2026）铁岭市不动产权第0001234号")

# Vehicles.
PLATE = F("plate_number", "号牌号码", "Number plate", "Text", maxLength=10, hintZh="如辽M12345", hintEn="e.g. 辽M12345")
VIN = F("vin", "车辆识别代号", "Vehicle identification number (VIN)", "Text", maxLength=17)
VEHICLE_TYPE = F("vehicle_type", "车辆类型", "Kind of vehicle", "Choice", options=[
    ("small_car", "小型汽车", "Car"), ("large_car", "大型汽车", "Lorry or bus"), ("motorcycle", "摩托车", "Motorcycle"),
    ("trailer", "挂车", "Trailer"), ("farm", "拖拉机或联合收割机", "Tractor or combine harvester")])
DRIVING_CLASS = F("driving_class", "准驾车型", "Class of driving licence", "Choice", options=[
    ("c1", "C1 小型汽车", "C1 car"), ("c2", "C2 小型自动挡汽车", "C2 automatic car"), ("b1", "B1 中型客车", "B1 minibus"),
    ("b2", "B2 大型货车", "B2 heavy goods vehicle"), ("a1", "A1 大型客车", "A1 bus"), ("d", "D 普通三轮摩托车", "D motor tricycle"),
    ("e", "E 普通二轮摩托车", "E motorcycle")])

# People an application is about, besides the applicant.
RELATIONSHIP = F("relationship", "与申请人的关系", "Relationship to you", "Choice", options=[
    ("spouse", "配偶", "Spouse"), ("child", "子女", "Child"), ("parent", "父母", "Parent"), ("sibling", "兄弟姐妹", "Sibling"),
    ("other", "其他亲属", "Other relative")])
DECEASED = [
    F("deceased_name", "逝者姓名", "Name of the deceased", "Text", maxLength=30),
    F("deceased_id_number", "逝者身份证号码", "ID number of the deceased", "IdNumber"),
    F("death_date", "死亡日期", "Date of death", "Date"),
    F("deceased_relationship", "申请人与逝者的关系", "Your relationship to the deceased", "Choice", options=[
        ("spouse", "配偶", "Spouse"), ("child", "子女", "Child"), ("parent", "父母", "Parent"), ("other", "其他亲属", "Other relative")]),
]
CHILD = [
    F("child_name", "婴儿姓名", "Baby's name", "Text", maxLength=30),
    F("child_birth_date", "出生日期", "Date of birth", "Date"),
    F("child_gender", "性别", "Sex", "Choice", options=[("male", "男", "Male"), ("female", "女", "Female")]),
    F("birth_place", "出生医院或出生地点", "Hospital or place of birth", "Text", maxLength=100),
]
SPOUSE = [
    F("spouse_name", "配偶姓名", "Spouse's name", "Text", maxLength=30),
    F("spouse_id_number", "配偶身份证号码", "Spouse's ID number", "IdNumber"),
]
EMPLOYER = F("employer_name", "工作单位", "Employer", "Text", maxLength=100)
EDUCATION = F("education", "最高学历", "Highest education", "Choice", options=[
    ("secondary", "高中或中专", "Upper secondary"), ("college", "大学专科", "College diploma"), ("bachelor", "大学本科", "Bachelor's degree"),
    ("master", "硕士研究生", "Master's degree"), ("doctor", "博士研究生", "Doctorate")])
AMOUNT = F("amount", "申请金额（元）", "Amount applied for (yuan)", "Number", min=1, max=10000000)
HOUSEHOLD_SIZE = F("household_size", "共同生活家庭成员人数", "People in the household", "Number", min=1, max=20)
MONTHLY_INCOME = F("monthly_income", "家庭月收入合计（元）", "Household income a month (yuan)", "Number", min=0, max=1000000)
