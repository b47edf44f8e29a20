"""What kind of application an item is, read from its name (used by forms_by_kind.py): who it is about besides the
applicant (PEOPLE, every pattern that matches adds its fields) and what it does (ACTIONS, the first pattern that matches
is the item's kind: a change asks 变更事项 and before/after, a cancellation its reason, a replacement the reason and
the old document's number, a renewal the licence renewed …).
"""
import re

import form_fields as ff
from demo_forms import F

# --- who the application is about ---------------------------------------------------------------------------------
PEOPLE = [
    (r"死亡|丧葬|殡葬|身故|一次性待遇|一次性支取", lambda it: ff.DECEASED),
    (r"出生登记|出生医学证明|新生儿|预防接种", lambda it: ff.CHILD),
    (r"结婚登记|生育登记|婚前医学检查", lambda it: ff.SPOUSE),
    (r"生育登记", lambda it: [F("child_order", "本次生育孩次", "Which child this is", "Number", min=1, max=10),
                            F("due_date", "预产期", "Due date", "Date", False)]),
]


# --- what kind of application ---------------------------------------------------------------------------------------
def change(it):
    options = change_options(it)
    return [
        F("change_items", "变更事项", "What changes", "MultiChoice", options=options + [ff.OTHER]),
        F("change_items_other", "其他变更事项", "Other change", "Text", when=("change_items", "other"), maxLength=100),
        F("change_before", "变更前内容", "Before the change", "LongText", maxLength=500),
        F("change_after", "变更后内容", "After the change", "LongText", maxLength=500),
        F("change_reason", "变更原因", "Reason for the change", "Text", False, maxLength=200),
    ]


def change_options(it):
    name = it["name"]
    if "不动产" in name:
        return [("holder", "权利人姓名或名称", "Right holder's name"), ("location", "坐落", "Location"),
                ("area", "面积", "Area"), ("use", "用途", "Use")]
    if "执业" in name:
        return [("institution", "执业机构", "Place of practice"), ("scope", "执业范围", "Scope of practice"),
                ("category", "执业类别", "Category of practice")]
    if "户口" in name or "参保" in name:
        return [("name", "姓名", "Name"), ("birth_date", "出生日期", "Date of birth"), ("ethnicity", "民族", "Ethnic group"),
                ("address", "住址", "Address")]
    return [("name", "名称", "Name"), ("address", "住所或经营场所", "Domicile or premises"),
            ("representative", "法定代表人或负责人", "Legal representative or person in charge"),
            ("scope", "经营范围或许可项目", "Business scope or licensed activities"), ("capital", "注册资本", "Registered capital")]


def cancel(it):
    name = it["name"]
    if "机动车" in name:
        options = [("scrapped", "报废", "Scrapped"), ("lost", "灭失", "Destroyed or lost"), ("returned", "退车", "Returned to the seller"),
                   ("exported", "出境不再入境", "Taken abroad for good")]
    elif "抵押" in name:
        options = [("repaid", "主债权消灭", "The debt is repaid"), ("waived", "抵押权人放弃抵押权", "The mortgagee gave up the mortgage")]
    elif "不动产" in name:
        options = [("destroyed", "不动产灭失", "The property no longer exists"), ("waived", "权利人放弃权利", "The holder gave up the right"),
                   ("expired", "权利期限届满", "The right expired")]
    else:
        options = [("dissolved", "决议解散", "Dissolved by resolution"), ("revoked", "依法被吊销或撤销", "Licence revoked"),
                   ("bankrupt", "依法宣告破产", "Declared bankrupt"), ("closed", "停止经营", "Business closed")]
    fields = ff.choice("cancel_reason", "注销原因", "Reason for cancellation", options + [ff.OTHER])
    if it["name"].startswith(("企业", "个体工商户", "社会团体")):
        fields.append(F("debts_cleared", "债权债务已清理完结", "Debts and claims settled", "YesNo"))
    return fields


def replace(it):
    name = it["name"]
    reasons = []
    if re.search("补|挂失", name):
        reasons += [("lost", "遗失", "Lost"), ("stolen", "被盗", "Stolen")]
    reasons.append(("damaged", "损坏无法辨认", "Damaged beyond use"))
    if re.search("换", name):
        reasons += [("expired", "有效期满", "Expired"), ("changed", "登记事项变更", "Details changed")]
    fields = [F("replace_reason", "申请原因", "Why you apply", "Choice", options=reasons)]
    if not re.search("身份证|驾驶证|社会保障卡|户口簿", name):  # these carry the holder's ID number, known from the account
        fields.append(F("original_number", "原证件编号", "Number of the old document", "Text", False, maxLength=50))
    return fields


def renew(it):
    return [
        F("licence_number", "原许可证编号", "Number of the licence renewed", "Text", maxLength=50),
        F("licence_expiry", "原许可证有效期至", "The licence is valid until", "Date"),
        F("licence_unchanged", "许可事项与原许可相同", "Nothing licensed has changed", "YesNo"),
        F("licence_changes", "有变化的事项", "What has changed", "LongText", when=("licence_unchanged", "no"), maxLength=500),
    ]


def suspend(it):
    return [
        F("suspend_kind", "申请事项", "What you apply for", "Choice", options=[
            ("suspend", "停业（暂停经营）", "Suspend trading"), ("close", "歇业（终止经营）", "Stop trading for good")]),
        F("suspend_from", "停止经营日期", "Stop trading on", "Date"),
        F("suspend_until", "恢复经营日期", "Trade again from", "Date", when=("suspend_kind", "suspend")),
    ]


def establish(it):
    return [
        F("proposed_name", "拟设立名称", "Proposed name", "Text", maxLength=100),
        F("registered_capital", "注册资本或开办资金（万元）", "Registered capital or start-up funds (10,000 yuan)", "Number", min=0, max=10000000),
        F("representative_name", "拟任法定代表人或负责人姓名", "Proposed legal representative or person in charge", "Text", maxLength=30),
        F("representative_id_number", "拟任法定代表人或负责人身份证号码", "Their ID number", "IdNumber"),
        ff.SCOPE if not re.search("社会团体|民办非企业|学校|医疗机构", it["name"]) else
        F("scope", "业务范围", "Scope of activities", "LongText", maxLength=500),
    ]


def complaint(it):
    return [
        F("respondent_name", "被投诉人或被申请人", "Respondent", "Text", maxLength=100),
        F("event_date", "事情发生日期", "When it happened", "Date"),
        F("request", "请求事项", "What you ask for", "LongText", maxLength=1000),
        F("facts", "事实和理由", "Facts and reasons", "LongText", maxLength=2000),
    ]


def accident(it):
    return [
        F("event_date", "事故发生日期", "Date of the accident", "Date"),
        F("event_place", "事故发生地点", "Place of the accident", "Text", maxLength=100),
        F("facts", "事故经过", "What happened", "LongText", maxLength=2000),
    ]


def certificate(it):
    fields = ff.choice("purpose", "用途", "What it is for", [
        ("employment", "就业", "Employment"), ("study", "升学或留学", "Study"), ("abroad", "出国（境）", "Going abroad"),
        ("housing", "购房或贷款", "Buying a home or a loan"), ("insurance", "保险理赔", "An insurance claim"),
        ("social", "办理社会事务", "Other public services"), ff.OTHER])
    if "公证" in it["name"]:
        fields += [F("use_country", "使用地（国家或地区）", "Country or region of use", "Text", maxLength=50),
                   F("translation", "需要译文", "Translation needed", "YesNo"),
                   F("copies", "公证书份数", "Copies of the certificate", "Number", min=1, max=10)]
    return fields


def query(it):
    return [F("query_content", "查询内容", "What you want to look up", "LongText", maxLength=500),
            F("purpose_text", "查询用途", "What it is for", "Text", maxLength=100)]


def withdraw(it):
    fields = [F("amount", "提取金额（元）", "Amount to withdraw (yuan)", "Number", min=1, max=10000000)]
    if "购房" in it["name"] or "加装电梯" in it["name"]:
        fields.append(F("property_address", "房屋坐落", "Location of the home", "Text", maxLength=100))
    if "租房" in it["name"]:
        fields.append(F("monthly_rent", "月租金（元）", "Monthly rent (yuan)", "Number", min=1, max=1000000))
    return fields


def practice(it):
    name = it["name"]
    if "person" not in it["subjects"]:
        return []
    if "执业" in name and re.search("注册|许可|核准|审核", name):
        return [F("institution_name", "拟执业机构名称", "Where you will practise", "Text", maxLength=100),
                F("practice_scope", "执业范围", "Scope of practice", "Text", maxLength=100)]
    if "职称" in name:
        return [ff.EMPLOYER, F("title_field", "申报专业", "Field", "Text", maxLength=50),
                F("years_in_field", "从事本专业工作年限", "Years in the field", "Number", min=0, max=60)]
    return [ff.EDUCATION, F("qualification_number", "资格证书或考试合格证明编号", "Number of the certificate or exam pass", "Text", False, maxLength=50)]


def enrol(it):
    name = it["name"]
    if re.search("单位|账户设立", name):
        return [F("employees", "职工人数", "Employees", "Number", min=1, max=1000000), F("start_date", "起始日期", "From", "Date")]
    if "失业" in name:
        return [F("last_employer", "原工作单位", "Last employer", "Text", maxLength=100),
                F("unemployed_since", "失业日期", "Out of work since", "Date"),
                F("unemployment_reason", "失业原因", "Why the work ended", "Choice", options=[
                    ("contract_end", "劳动合同期满", "The contract ended"), ("dismissed", "用人单位解除劳动关系", "Dismissed by the employer"),
                    ("resigned", "本人辞职", "Resigned"), ("business_closed", "用人单位关闭或破产", "The employer closed down")])]
    if name.endswith("就业登记"):
        return [F("employment_form", "就业形式", "Kind of work", "Choice", options=[
                    ("employed", "单位就业", "Employed"), ("self_employed", "个体经营", "Self-employed"), ("flexible", "灵活就业", "Flexible work")]),
                F("employer_name", "工作单位", "Employer", "Text", when=("employment_form", "employed"), maxLength=100),
                F("employment_start", "就业日期", "Working since", "Date")]
    return [F("start_date", "起始日期", "From", "Date")]


def transfer(it):
    if re.search("户口|残疾人证", it["name"]):
        return [F("to_division", "迁往地行政区划", "Division moving to", "Division"),
                F("to_address", "迁往地详细地址", "Address moving to", "Text", maxLength=100)]
    return [F("transfer_from", "转出地或转出单位", "Moving from (place or body)", "Text", maxLength=100),
            F("transfer_to", "转入地或接收单位", "Moving to (place or body)", "Text", maxLength=100)]


def naming(it):
    return [F("proposed_name", "拟申报名称", "Proposed name", "Text", maxLength=100),
            F("name_industry", "行业表述", "Industry words in the name", "Text", maxLength=20),
            F("organisation_form", "组织形式", "Legal form", "Choice", options=[
                ("limited", "有限责任公司", "Limited liability company"), ("joint_stock", "股份有限公司", "Company limited by shares"),
                ("sole", "个人独资企业", "Sole proprietorship"), ("partnership", "合伙企业", "Partnership")])]


def loan(it):
    fields = [F("loan_amount", "申请贷款金额（万元）", "Loan applied for (10,000 yuan)", "Number", min=0.1, max=300),
              F("loan_years", "贷款期限（年）", "Term (years)", "Number", min=1, max=30)]
    if "公积金" in it["name"]:
        fields.append(F("property_address", "所购房屋坐落", "Location of the home bought", "Text", maxLength=100))
    return fields


def repay(it):
    return [F("repay_kind", "还款方式", "Repayment", "Choice", options=[
                ("part", "部分提前还款", "Repay part early"), ("all", "全部提前结清", "Repay it all early")]),
            F("repay_amount", "提前还款金额（元）", "Amount repaid early (yuan)", "Number", when=("repay_kind", "part"), min=1, max=10000000)]


def legal_aid(it):
    return [F("case_type", "案件类型", "Kind of case", "Choice", options=[
                ("civil", "民事", "Civil"), ("criminal", "刑事", "Criminal"), ("administrative", "行政", "Administrative"),
                ("labour", "劳动争议", "Labour dispute")]),
            F("facts", "案情简述", "What the case is about", "LongText", maxLength=2000)]


# (name pattern, block) — the first that matches the item's name is its kind.
ACTIONS = [
    (r"停业|歇业", suspend),
    (r"注销登记|注销$|抵押注销", cancel),
    (r"变更", change),
    (r"延续|延期", renew),
    (r"补领|补证|补发|补办|补换|挂失|换领|换证|换发", replace),
    (r"(?<!账户)设立|成立|筹设|医疗机构设置|转为企业", establish),
    (r"名称自主申报", naming),
    (r"提前还款", repay),
    (r"贷款$|贷款申请", loan),
    (r"迁移（迁出）|证迁移|转移接续|档案转递|档案接收", transfer),
    (r"事故认定|事故调查", accident),
    (r"法律援助", legal_aid),
    (r"投诉|仲裁|调解|争议|裁决", complaint),
    (r"查询|查阅|信息公开", query),
    (r"证明开具|证明出具|证明书|凭证开具|公证$|缴存使用证明", certificate),
    (r"公积金提取", withdraw),
    (r"参保登记|就业登记|失业登记|失业保险金|缴存登记|账户设立", enrol),
    (r"执业注册|执业许可|执业核准|执业审核|从业资格|职业资格|教师资格|职称|导游证|考核", practice),
]
