"""Application forms, handling processes and material keys for every item that can be applied for online (read by
make_catalog.py). The five showcase items keep their hand-written definitions (demo_forms.py); every other item
whose online depth is 3 (网上受理) or 4 (全程网办) gets a form made by the rules below, so the whole catalog is
reviewed as rules, not as 500 forms.

A form is built from blocks, in this order, each asked once (the first block to name a key wins):
1. who the application is about besides the applicant (PEOPLE: the deceased, the newborn, the spouse …);
2. what kind of application it is, from the item's name (ACTIONS: a change asks 变更事项 and before/after, a
   cancellation its reason, a replacement the reason and the old number, a renewal the licence being renewed …);
3. what it is about, from its themes, name and materials (TOPICS: a construction project, a property, a vehicle,
   premises, the bank account a benefit is paid into, the household's means …);
4. how the result is received, for items that issue a document (window, post, or for 全程网办 the electronic licence);
5. who applies: an organisation's name, credit code and contact person (an organisation's item; one that both may
   apply for asks which) and the applicant's mobile and address. The applicant's name and ID number come from the
   account, so no form asks them.

The process maps the item's own steps (办理流程) after acceptance to the roles that do them (PROCESS below): review
steps to a reviewer, the decision to an approver; an item promised on the spot (即办, limit 0) is decided by the
window clerk who accepted it.
"""
import re

import form_fields as ff
import form_topics
import material_keys
from form_actions import ACTIONS, PEOPLE, establish, naming
from form_process import process_for

# --- the form ---------------------------------------------------------------------------------------------------------
def issues_document(it):
    """Whether the result is a document to be received (a licence, a certificate, a notarial deed …)."""
    if re.search("备案|初审|补贴|救助|津贴|抚恤|报销|提取|缴纳|申报", it["name"]):
        return False
    return it["type"] in ("行政许可", "行政确认") or re.search("证明|公证|证书|证申领|证核发|卡申领|补换|证发放", it["name"]) is not None


def applicant(it, action):
    """Who applies: an organisation's details (not for one still to be set up), then the applicant's contact."""
    subjects = it["subjects"]
    fields = []
    if action not in (establish, naming) and "legal-person" in subjects:
        if "person" in subjects:
            fields += [ff.APPLICANT_TYPE] + ff.organisation(when=("applicant_type", "organisation"))
        else:
            fields += ff.organisation()
    return fields + [ff.MOBILE, ff.CONTACT_ADDRESS]


def form_for(it):
    """The form of an item: its blocks in order, each key asked once."""
    action = next((block for pattern, block in ACTIONS if re.search(pattern, it["name"])), None)
    blocks = [block(it) for pattern, block in PEOPLE if re.search(pattern, it["name"])]
    blocks.append(action(it) if action else [])
    blocks += [block(it) for applies, block in form_topics.TOPICS if applies(it)]
    if issues_document(it):
        blocks.append(ff.delivery(online=it["onlineDepth"] == 4))
    blocks.append(applicant(it, action))
    fields, seen = [], set()
    for field in (f for block in blocks for f in block):
        if field["key"] not in seen:
            seen.add(field["key"])
            fields.append(field)
    return fields


def apply(rec):
    """Keys for every material; a form and a process for an item applied for online that has none (demo_forms.py first)."""
    material_keys.assign(rec["materials"])
    if rec["onlineDepth"] >= 3 and "form" not in rec:
        rec["form"] = {"fields": form_for(rec)}
        rec["process"] = process_for(rec)
