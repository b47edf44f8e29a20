"""Topics about people and money (used by form_topics.py): the benefit a person claims and the account it is paid
into, the household's means, a disability, military service, school, work, taxes and contributions, medical
insurance, employment. Each is a block of fields; form_topics.TOPICS says when it applies.
"""
import re

import form_fields as ff
from demo_forms import F


def named(it, pattern):
    return re.search(pattern, it["name"]) is not None


def keys(it):
    return {m["key"] for m in it["materials"]}


def is_payment(it):
    """A benefit paid in money (给付, 报销, 提取 …), not the recognition of an entitlement (资格认证, 待遇认定)."""
    return (it["type"] == "行政给付" or named(it, "补贴|津贴|救助|抚恤|补助|报销|助学金|扶助|公积金提取|一次性支取")) \
        and it["type"] != "行政确认" and not named(it, "资格|认定|贷款$|贷款申请|法律援助|减免|康复")


def payment(it):
    fields = []
    if named(it, "报销|医疗费用|医疗救助|生育医疗|工伤保险待遇"):
        fields += [F("expense_total", "医疗费用总额（元）", "Medical costs in all (yuan)", "Number", min=1, max=10000000),
                   F("treatment_date", "就诊或入院日期", "Treated or admitted on", "Date"),
                   F("hospital", "就诊医疗机构", "Hospital or clinic", "Text", maxLength=100)]
    return fields + ff.BANK


def means(it):
    fields = [ff.HOUSEHOLD_SIZE, ff.MONTHLY_INCOME]
    if named(it, "救助|法律援助"):
        fields.append(F("hardship", "困难情况说明", "Describe the hardship", "LongText", maxLength=1000))
    return fields


def disability(it):
    return [F("disability_kind", "残疾类别", "Kind of disability", "Choice", options=[
                ("visual", "视力残疾", "Visual"), ("hearing", "听力残疾", "Hearing"), ("speech", "言语残疾", "Speech"),
                ("physical", "肢体残疾", "Physical"), ("intellectual", "智力残疾", "Intellectual"), ("mental", "精神残疾", "Mental"),
                ("multiple", "多重残疾", "Multiple")]),
            F("disability_level", "残疾等级", "Grade", "Choice", options=[
                ("1", "一级", "Grade 1"), ("2", "二级", "Grade 2"), ("3", "三级", "Grade 3"), ("4", "四级", "Grade 4")])]


def veteran(it):
    if named(it, "烈士"):
        return [F("martyr_name", "烈士姓名", "Name of the martyr", "Text", maxLength=30), ff.RELATIONSHIP]
    return [F("enlisted_on", "入伍时间", "Enlisted on", "Date"), F("discharged_on", "退出现役时间", "Left active service on", "Date")]


def foreigner(it):
    return [F("foreigner_name", "外国人姓名（与护照一致）", "Foreign national's name (as in the passport)", "Text", maxLength=60),
            F("nationality", "国籍", "Nationality", "Text", maxLength=50),
            F("passport_number", "护照号码", "Passport number", "Text", maxLength=20),
            F("position", "拟任职务", "Position", "Text", maxLength=50)]


def school(it):
    if named(it, "转学"):
        return [F("student_name", "学生姓名", "Pupil's name", "Text", maxLength=30), F("student_id_number", "学生身份证号码", "Pupil's ID number", "IdNumber"),
                F("from_school", "转出学校", "School left", "Text", maxLength=100), F("to_school", "转入学校", "School joined", "Text", maxLength=100),
                F("grade", "年级", "Year", "Text", maxLength=20)]
    return [F("school_name", "学校名称", "School", "Text", maxLength=50),
            F("graduation_year", "毕业（入学）年份", "Year of graduation or entry", "Number", min=1950, max=2100)]


def work(it):
    if named(it, "退休"):
        return [ff.EMPLOYER, F("retirement_date", "退休日期", "Retiring on", "Date")]
    return [ff.EMPLOYER, F("injury_date", "受伤害或确诊日期", "Injured or diagnosed on", "Date")]


def tax(it):
    if named(it, "发票领用"):
        return [F("invoice_kind", "发票种类", "Kind of invoice", "Choice", options=[
                    ("special", "增值税专用发票", "Special VAT invoice"), ("ordinary", "增值税普通发票", "Ordinary VAT invoice"),
                    ("electronic", "全面数字化的电子发票", "Fully digital e-invoice")]),
                F("invoice_count", "领用数量（份）", "How many", "Number", min=1, max=1000)]
    if named(it, "代开"):
        return [F("buyer_name", "购买方名称", "Buyer", "Text", maxLength=100), F("invoice_amount", "开票金额（元）", "Amount invoiced (yuan)", "Number", min=0.01, max=100000000)]
    if named(it, "专项附加扣除"):
        return [F("deductions", "扣除项目", "Deductions", "MultiChoice", options=[
                    ("children", "子女教育", "Children's education"), ("education", "继续教育", "Continuing education"),
                    ("medical", "大病医疗", "Serious illness"), ("mortgage", "住房贷款利息", "Mortgage interest"), ("rent", "住房租金", "Rent"),
                    ("elderly", "赡养老人", "Supporting parents"), ("infant", "3岁以下婴幼儿照护", "Care of children under 3")])]
    if named(it, "新办纳税人"):
        return [F("accounting_standard", "适用会计制度", "Accounting standard", "Choice", options=[
                    ("enterprise", "企业会计准则", "Accounting Standards for Business Enterprises"),
                    ("small", "小企业会计准则", "Accounting Standards for Small Enterprises"), ("other", "其他", "Other")]),
                F("invoice_needed", "需要领用发票", "Invoices needed", "YesNo")]
    if named(it, "一般纳税人"):
        return [F("annual_sales", "年应税销售额（万元）", "Taxable sales a year (10,000 yuan)", "Number", min=0, max=100000000)]
    if named(it, "跨区域"):
        return [F("business_place", "跨区域经营地", "Where the business is done", "Text", maxLength=100),
                F("contract_amount", "合同金额（万元）", "Contract value (10,000 yuan)", "Number", min=0.01, max=10000000),
                F("works_start", "经营期限起", "From", "Date"), F("works_end", "经营期限止", "Until", "Date")]
    if named(it, "纳税信用修复"):
        return [F("credit_issue", "失信行为", "What lowered the rating", "Text", maxLength=200), F("corrected_on", "纠正日期", "Put right on", "Date")]
    fields = [F("tax_year", "所属年度", "Tax or contribution year", "Number", min=2000, max=2100)]
    if named(it, "养老保险费"):
        fields.append(F("contribution_grade", "缴费档次（元/年）", "Contribution (yuan a year)", "Choice", options=[
            (v, f"{v}元", f"{v} yuan") for v in ("200", "300", "500", "1000", "2000", "3000")]))
    if named(it, "灵活就业"):
        fields.append(F("contribution_base", "缴费基数（元/月）", "Contribution base (yuan a month)", "Number", min=1000, max=100000))
    if named(it, "汇算清缴"):
        fields += [F("settlement", "汇算结果", "Outcome of the annual settlement", "Choice", options=[
                       ("refund", "申请退税", "Refund due"), ("pay", "补缴税款", "Tax to pay"), ("none", "无需退补", "Nothing to settle")]),
                   F("refund_account", "退税银行账号", "Account for the refund", "Text", when=("settlement", "refund"), maxLength=30)]
    if named(it, "限额"):
        fields.append(F("invoice_limit", "申请最高开票限额（元）", "Highest amount per invoice (yuan)", "Choice", options=[
            ("10000", "一万元", "10,000"), ("100000", "十万元", "100,000"), ("1000000", "一百万元", "1,000,000")]))
    return fields


def medical(it):
    if named(it, "异地就医"):
        return [F("treatment_place", "就医地", "Where you will be treated", "Text", maxLength=100),
                F("filing_reason", "备案类型", "Kind of filing", "Choice", options=[
                    ("residence", "异地长期居住", "Living there for long"), ("referral", "转诊转院", "Referred to a hospital there"),
                    ("temporary", "临时外出就医", "Treatment while away")]),
                F("start_date", "开始日期", "From", "Date")]
    if named(it, "定点"):
        return [F("institution_kind", "机构类别", "Kind of institution", "Choice", options=[
                    ("hospital", "医疗机构", "Hospital or clinic"), ("pharmacy", "零售药店", "Pharmacy")]),
                F("institution_name", "机构名称", "Name of the institution", "Text", maxLength=100)]
    return [F("disease", "申请病种", "Condition applied for", "Text", maxLength=50), F("hospital", "选定的定点医疗机构", "Chosen hospital", "Text", maxLength=100)]


def employment(it):
    if named(it, "困难人员"):
        return [F("difficulty", "认定类别", "Grounds", "Choice", options=[
                    ("disabled", "残疾人", "Disabled"), ("long_unemployed", "连续失业一年以上", "Out of work for a year or more"),
                    ("land_lost", "失去土地的农民", "Farmer who lost their land"), ("low_income", "城乡低保家庭成员", "In a minimum-living-allowance family"),
                    ("older", "大龄失业人员", "Older jobseeker"), ("other", "其他", "Other")])]
    if named(it, "社会保障卡"):
        return [F("card_bank", "社会保障卡合作银行", "Bank for the card", "Choice", options=[
                    ("icbc", "中国工商银行", "ICBC"), ("abc", "中国农业银行", "Agricultural Bank of China"), ("boc", "中国银行", "Bank of China"),
                    ("ccb", "中国建设银行", "China Construction Bank"), ("psbc", "中国邮政储蓄银行", "Postal Savings Bank of China")])]
    return [F("employment_status", "就业状态", "Employment status", "Choice", options=[("employed", "已就业", "In work"), ("unemployed", "失业", "Out of work")])]


def benefit_details(it):
    """What a particular benefit needs to know besides the account it is paid into."""
    if named(it, "资格认证"):
        return [F("pension_kind", "领取待遇类别", "Benefit received", "Choice", options=[
                    ("enterprise", "企业职工基本养老保险", "Employees' basic pension"), ("resident", "城乡居民基本养老保险", "Residents' basic pension"),
                    ("injury", "工伤保险长期待遇", "Long-term work-injury benefit")])]
    if named(it, "特别扶助"):
        return [F("child_status", "独生子女情况", "Your only child", "Choice", options=[
                    ("deceased", "死亡", "Has died"), ("disabled", "伤残（三级以上）", "Disabled (grade 3 or worse)")])]
    if named(it, "奖励扶助"):
        return [F("children", "子女情况", "Your children", "Choice", options=[
                    ("one_child", "只有一个子女", "One child"), ("two_daughters", "只有两个女孩", "Two daughters")])]
    if named(it, "农机"):
        return [F("machine_model", "机具品目和型号", "Machine and model", "Text", maxLength=100),
                F("purchase_price", "购机价格（元）", "Price paid (yuan)", "Number", min=1, max=10000000),
                F("purchase_date", "购机日期", "Bought on", "Date")]
    if named(it, "培训补贴"):
        return [F("training_course", "培训项目（职业工种）", "Course (trade)", "Text", maxLength=50),
                F("training_end", "培训结业日期", "Course finished on", "Date")]
    if named(it, "康复"):
        return [F("patient_name", "儿童姓名", "Child's name", "Text", maxLength=30),
                F("patient_id_number", "儿童身份证号码", "Child's ID number", "IdNumber"),
                F("rehab_institution", "定点康复机构", "Rehabilitation centre", "Text", maxLength=100)]
    if named(it, "社会保险补贴"):
        return [F("subsidy_months", "申请补贴月数", "Months claimed", "Number", min=1, max=36)]
    return []
