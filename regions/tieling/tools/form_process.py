"""The handling process of a generated item (used by forms_by_kind.py): the item's own steps (办理流程) after
acceptance, each done by the role it names — review steps by a reviewer, the decision by an approver. Steps before
acceptance are the applicant's; steps after the decision are delivery (办结 in the applications module). An item
promised on the spot (即办, limit 0) is decided by the window clerk who accepted it: the applications module has no
conclusion at acceptance, so that clerk accepts, decides and concludes in one visit.
"""
from demo_forms import S

BEFORE = {"申请", "申报", "预约", "制定计划", "通知", "受理"}
AFTER = {"送达", "发放", "领证", "制证送达", "发证", "开具凭证", "缴纳", "办结"}
DECISIONS = {"决定": "Decision", "审批": "Approval", "确认": "Confirmation", "裁决": "Ruling", "出具意见": "Opinion",
             "审核签发": "Sign-off", "登记颁证": "Registration", "注销": "Cancellation"}
REVIEWS = {"审查": ("review", "Review"), "审核": ("examine", "Examination"), "公示": ("publicity", "Public notice"),
           "审理": ("hearing", "Hearing"), "开庭审理": ("hearing", "Hearing"), "现场检查": ("inspect", "Site inspection"),
           "初审": ("preliminary", "Preliminary review"), "评审": ("appraise", "Expert appraisal"), "核查": ("verify", "Verification"),
           "考试": ("test", "Test"), "残疾评定": ("assess", "Disability assessment"), "离婚冷静期": ("cooling_off", "Cooling-off period"),
           "采集人像和指纹": ("capture", "Photo and fingerprints"), "办理": ("handle", "Handling")}


def process_for(it):
    """The item's steps after acceptance, each with the role that does it; the last one decides."""
    if it["promisedLimit"] == 0:  # 即办: decided on the spot by the window clerk who accepted it
        return [S("decide", "当场办结", "Decided on the spot", "window-clerk")]
    middle = [s for s in it["steps"] if s not in BEFORE | AFTER]
    if not middle:
        return [S("decide", "决定", "Decision", "approver")]
    steps = [S(REVIEWS[s][0], s, REVIEWS[s][1], "reviewer") for s in middle[:-1]]
    last = middle[-1]
    if last in DECISIONS:
        steps.append(S("decide", last, DECISIONS[last], "approver"))
    else:  # a service handled by one officer (办理, 审核): the reviewer's step concludes it
        steps.append(S(REVIEWS[last][0], last, REVIEWS[last][1], "reviewer"))
    return steps
