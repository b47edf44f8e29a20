#!/usr/bin/env python3
"""Issues N 居住证 by hand through the admin API, as a license administrator of 铁岭市公安局 (development sign-in),
over one keep-alive connection; prints the identifiers, one a line. Used by verify-load.sh.

    python3 issue.py URL N
"""
import http.client, http.cookiejar, json, re, sys, urllib.parse, urllib.request, html

url, count = sys.argv[1], int(sys.argv[2])
PSB = "11211200061012195B"
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
page = opener.open(f"{url}/sign-in").read().decode()
token = html.unescape(re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1))
form = urllib.parse.urlencode({"Name": "bench-license-admin", "Roles": "license-administrator", "Department": PSB, "__RequestVerificationToken": token})
opener.open(f"{url}/sign-in", form.encode())
cookie = "; ".join(f"{c.name}={c.value}" for c in jar)

def id_number(i):
    """A resident ID number with a valid MOD 11-2 check character: region 211202, birth date, sequence."""
    body = f"211202{1960 + i % 40}{1 + i % 12:02d}{1 + i % 28:02d}{i // 13440 % 1000:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]

host = urllib.parse.urlparse(url)
connection = http.client.HTTPConnection(host.hostname, host.port)
for i in range(count):
    body = json.dumps({"type": "11100000095986561A003", "holderCode": id_number(i), "holderName": f"测试{i}",
                       "fields": {"address": "铁岭市银州区广裕街12号", "issuing_office": "铁岭市公安局"}})
    connection.request("POST", "/api/licenses/admin/issue", body, {"Content-Type": "application/json", "Cookie": cookie, "Sec-Fetch-Site": "same-origin"})
    answer = connection.getresponse()
    text = answer.read().decode()
    if answer.status != 201:
        sys.exit(f"issuing failed: HTTP {answer.status} {text}")
    print(json.loads(text)["identifier"])
