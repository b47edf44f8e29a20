#!/usr/bin/env python3
"""The grant as data administrators make it (development sign-in): the consumer department requests a resource's items
for a purpose, the provider department approves. Used by call-load.sh.

    python3 grant.py URL CONSUMER PROVIDER RESOURCE PURPOSE ITEM,ITEM,...
"""
import datetime, html, http.cookiejar, json, re, sys, urllib.parse, urllib.request

url, consumer, provider, resource, purpose, items = sys.argv[1:7]


def signed_in(name, department):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{url}/sign-in").read().decode()
    token = html.unescape(re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1))
    form = urllib.parse.urlencode({"Name": name, "Roles": "data-administrator", "Department": department, "__RequestVerificationToken": token})
    opener.open(f"{url}/sign-in", form.encode())
    return opener


def post(opener, path, body):
    request = urllib.request.Request(f"{url}{path}", data=body, method="POST",
                                     headers={"Content-Type": "application/json", "Sec-Fetch-Site": "same-origin"})
    return opener.open(request).read()


today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()
request = json.dumps({"consumerCreditCode": consumer, "resourceCode": resource, "purpose": purpose, "fields": items.split(","),
                      "validFrom": today.isoformat(), "validUntil": (today + datetime.timedelta(days=30)).isoformat()}).encode()
made = json.loads(post(signed_in("bench-consumer-data", consumer), "/api/sharing/requests", request))
if made.get("status") == "Pending":
    post(signed_in("bench-provider-data", provider), f"/api/sharing/requests/{made['id']}/approve", b"")
print(made["id"])
