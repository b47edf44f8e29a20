#!/usr/bin/env python3
"""Prints a walk-in body (JSON, with the text KEY where each submission's key goes) for the first demo item a natural
person may apply for whose walk-in the platform accepts: its required form fields and materials filled.

    bench/applications/walk-in-body.py URL CITIZEN-ID-NUMBER CATALOG.json COOKIE > body.json

COOKIE is a window clerk's session cookie. Each item is tried with one real submission (key probe-ITEM)."""
import json, sys, urllib.request
url, citizen, catalog, cookie = sys.argv[1:]
def call(path, body=None):
    req = urllib.request.Request(url + path, data=None if body is None else json.dumps(body).encode(), headers={"Cookie": cookie, "Content-Type": "application/json", "Sec-Fetch-Site": "same-origin"})
    try:
        with urllib.request.urlopen(req) as r: return r.status, json.load(r)
    except urllib.error.HTTPError as e: return e.code, e.read().decode("utf-8", "replace")[:300]
last = "no item for natural persons"
for item in json.load(open(catalog, encoding="utf-8"))["items"]:
    if "person" not in item.get("subjects", []): continue
    status, view = call("/api/applications/items/" + item["implementationCode"])
    if status != 200: continue
    fields = view["form"]["fields"] if isinstance(view.get("form"), dict) else []
    form = {f["key"]: ("2026-01-01" if f.get("type") == "Date" else "1" if f.get("type") == "Number" else "yes" if f.get("type") == "YesNo" else "bench") for f in fields if f.get("required")}
    materials = {m["key"]: "file:bench-" + m["key"] for m in view["materials"] if m["required"]}
    body = {"idNumber": citizen, "itemCode": item["implementationCode"], "key": "KEY", "application": {"form": form, "materials": materials}}
    status, answer = call("/api/applications/walk-ins", dict(body, key="probe-" + item["implementationCode"]))
    if status == 201:
        print(json.dumps(body, ensure_ascii=False)); sys.exit(0)
    last = f"{item['implementationCode']}: HTTP {status} {answer}"
sys.exit("no demo item accepted a walk-in; the last answer: " + last)
