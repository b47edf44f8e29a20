#!/usr/bin/env python3
"""Writes a provincial catalog feed of N items derived from the demo catalog, for the import benchmark:
   bench/catalog/make-feed.py 22112 /tmp/feed-22112.json
Each item keeps a demo item's elements with a new basic and implementation code (so all are new)."""
import json, os, sys

n, out = int(sys.argv[1]), sys.argv[2]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
feed = json.load(open(os.path.join(root, "regions", "tieling", "catalog.json"), encoding="utf-8"))
base = feed["items"]
items = []
for k in range(n):
    item = dict(base[k % len(base)])
    item["basicCode"] = f"F{k:09d}00"
    item["implementationCode"] = item["departmentCreditCode"] + f"F{k:09d}"
    item["lifeEvents"] = []
    items.append(item)
json.dump({"feed": f"benchmark-{n}", "issuedAt": feed["issuedAt"], "items": items, "bundles": []},
          open(out, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
print(f"wrote {n} items to {out}")
