"""Application forms, handling processes and material keys of the demo items an applicant is likely to try
(read by make_catalog.py). Everything here is invented for the demo, in the shape of real application forms.

Field notation: F(key, 中文, English, type, required, **extra) where extra is options=[(value, 中文, English)],
when=(field, value), maxLength=, min=, max=, prefill= (account.phone, household.address, household.division). Types
are the names of the kernel's FormFieldType; a division is picked from the region's divisions, so its label says
what is chosen, not "代码".
"""


def F(key, zh, en, typ, required=True, options=None, when=None, **limits):
    field = {"key": key, "labelZh": zh, "labelEn": en, "type": typ, "required": required}
    if options:
        field["options"] = [{"value": v, "labelZh": z, "labelEn": e} for v, z, e in options]
    if when:
        field["visibleWhen"] = {"field": when[0], "equalsValue": when[1]}
    field.update(limits)
    return field


def S(key, zh, en, role):
    return {"key": key, "nameZh": zh, "nameEn": en, "role": role}


REVIEW = S("review", "审查", "Review", "reviewer")
DECIDE = S("decide", "决定", "Decision", "approver")

DEMO = {
    "户口迁移（迁入）": {
        "keys": ["application_form", "household_book", "id_card", "residence_proof", "marriage_certificate", "employment_proof"],
        "form": [
            F("reason", "迁入原因", "Reason for moving", "Choice", options=[
                ("spouse", "夫妻投靠", "Joining a spouse"), ("parents", "投靠父母", "Joining parents"),
                ("work", "就业落户", "Employment"), ("house", "购房落户", "Home ownership")]),
            F("spouse_name", "配偶姓名", "Spouse's name", "Text", when=("reason", "spouse"), maxLength=30),
            F("spouse_id_number", "配偶身份证号码", "Spouse's ID number", "IdNumber", when=("reason", "spouse")),
            F("employer_credit_code", "用人单位统一社会信用代码", "Employer's credit code", "CreditCode", when=("reason", "work")),
            F("from_division", "迁出地（行政区划）", "Division moving from", "Division", prefill="household.division"),
            F("from_address", "迁出地详细地址", "Address moving from", "Text", maxLength=100, prefill="household.address"),
            F("to_address", "迁入地详细地址", "Address moving to", "Text", maxLength=100),
            F("people", "随迁人数（含本人）", "People moving (you included)", "Number", min=1, max=10),
            F("mobile", "联系电话（手机）", "Mobile phone", "Phone", prefill="account.phone"),
        ],
        "process": [REVIEW, DECIDE],
    },
    "居住证申领": {
        "keys": ["id_card", "residence_proof", "employment_proof", "school_proof", "photo"],
        "form": [
            F("reason", "申领条件", "Grounds", "Choice", options=[
                ("work", "合法稳定就业", "Stable employment"), ("study", "连续就读", "Continuous study"),
                ("residence", "合法稳定住所", "Stable residence")]),
            F("employer_credit_code", "就业单位统一社会信用代码", "Employer's credit code", "CreditCode", when=("reason", "work")),
            F("school_name", "就读学校", "School", "Text", when=("reason", "study"), maxLength=50),
            F("address", "居住地址", "Address in the city", "Text", maxLength=100),
            F("division", "居住地（行政区划）", "Division lived in", "Division"),
            F("resident_since", "来本市居住日期", "Living in the city since", "Date"),
            F("renting", "是否租住他人住房", "Renting", "YesNo"),
            F("landlord_name", "房东姓名", "Landlord's name", "Text", when=("renting", "yes"), maxLength=30),
            F("mobile", "联系电话（手机）", "Mobile phone", "Phone", prefill="account.phone"),
        ],
        "process": [REVIEW, DECIDE],
    },
    "个体工商户设立登记": {
        "keys": ["application_form", "operator_id_card", "premises_proof", "power_of_attorney"],
        "form": [
            F("business_name", "个体工商户名称", "Business name", "Text", maxLength=50),
            F("organisation", "组成形式", "Run by", "Choice", options=[
                ("personal", "个人经营", "One person"), ("family", "家庭经营", "A family")]),
            F("family_members", "参加经营的家庭成员姓名", "Family members taking part", "LongText", when=("organisation", "family"), maxLength=200),
            F("scope", "经营范围", "Business scope", "LongText", maxLength=500),
            F("address", "经营场所", "Premises", "Text", maxLength=100),
            F("division", "经营场所所在地（行政区划）", "Division of the premises", "Division"),
            F("capital", "资金数额（元）", "Capital (yuan)", "Number", min=0, max=100000000),
            F("staff", "从业人数", "People employed", "Number", required=False, min=0, max=1000),
            F("mobile", "联系电话（手机）", "Mobile phone", "Phone", prefill="account.phone"),
        ],
        "process": [S("approve", "核准", "Approval", "approver")],
    },
    # With 个体工商户设立登记 and 食品经营许可 in the bundle 个体食杂店开业 (LE-GTKY): the same keys for the same
    # things (application_form, business_licence, operator_id_card, premises_proof; the field address), so each is
    # given once for all three.
    "烟草专卖零售许可证核发": {
        "keys": ["application_form", "business_licence", "operator_id_card", "premises_proof"],
        "form": [
            F("store_kind", "经营业态", "Kind of shop", "Choice", options=[
                ("grocery", "食杂店", "Grocery"), ("convenience", "便利店", "Convenience store"), ("supermarket", "超市", "Supermarket")]),
            F("address", "经营场所", "Premises", "Text", maxLength=100),
            F("mobile", "联系电话（手机）", "Mobile phone", "Phone", prefill="account.phone"),
        ],
        "process": [REVIEW, S("inspect", "实地核查", "Site inspection", "reviewer"), DECIDE],
    },
    "食品经营许可": {
        "keys": ["application_form", "business_licence", "facilities", "safety_rules", "health_certificate"],
        "form": [
            F("kinds", "经营项目", "Activities", "MultiChoice", options=[
                ("sale", "食品销售", "Food sale"), ("catering", "餐饮服务", "Catering"), ("canteen", "单位食堂", "Canteen")]),
            # The same key as 个体工商户设立登记's premises: asked once when both are applied for together (一件事).
            F("address", "经营场所", "Premises", "Text", maxLength=100),
            F("site_area", "经营场所面积（平方米）", "Floor area (m²)", "Number", min=1, max=100000),
            F("online", "是否网络经营", "Selling online", "YesNo"),
            F("online_url", "网站或网店地址", "Website or shop address", "Text", when=("online", "yes"), maxLength=200),
            F("manager_name", "食品安全管理人员姓名", "Food safety manager", "Text", maxLength=30),
            F("manager_mobile", "食品安全管理人员手机", "Food safety manager's mobile", "Phone"),
        ],
        "process": [
            S("review", "材料审查", "Review of the materials", "reviewer"),
            S("inspect", "现场核查", "Site inspection", "reviewer"),
            S("legality", "法制审核", "Legality check", "legality-reviewer"),
            S("decide", "许可决定", "Decision", "leader"),
        ],
    },
}


def apply(rec):
    """Gives a city item of DEMO its material keys, form and process (county copies inherit them)."""
    demo = DEMO.get(rec["name"])
    if demo is None:
        return
    if len(demo["keys"]) != len(rec["materials"]):
        raise SystemExit(f"{rec['name']}: {len(demo['keys'])} keys for {len(rec['materials'])} materials")
    for material, key in zip(rec["materials"], demo["keys"]):
        material["key"] = key
    rec["form"] = {"fields": demo["form"]}
    rec["process"] = demo["process"]
