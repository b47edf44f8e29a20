#!/usr/bin/env python3
"""Writes bench/catalog/queries.txt: 1,000 distinct search queries of 1 to 6 characters cut from the
names and descriptions of the demo catalog (regions/tieling/catalog.json), deterministically, plus a few
pinyin and synonym queries. Used by the recall test and the search load script."""
import json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
items = json.load(open(os.path.join(ROOT, "regions", "tieling", "catalog.json"), encoding="utf-8"))["items"]
texts = sorted({i["name"] for i in items} | {i["summary"] for i in items if i.get("summary")})
rng = random.Random(20261126)
queries, seen = [], set()
extra = ["gjj", "gongjijin", "sfz", "shenfenzheng", "hukou", "yibao", "身份证", "医保", "公积金", "低保", "户口", "社保"]
for q in extra:
    seen.add(q); queries.append(q)
while len(queries) < 1000:
    text = rng.choice(texts)
    length = rng.choice([1, 2, 2, 2, 3, 3, 4, 4, 5, 6])
    if len(text) < length:
        continue
    start = rng.randrange(0, len(text) - length + 1)
    q = text[start:start + length].strip()
    if not q or q in seen or any(c in q for c in "\t\n"):
        continue
    seen.add(q); queries.append(q)
with open(os.path.join(HERE, "queries.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(queries) + "\n")
print(f"wrote {len(queries)} queries")
