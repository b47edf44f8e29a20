#!/usr/bin/env python3
"""Prepares the identity benchmarks against a running Tongban (development sign-in on). Standard library only.

    setup.py URL WORKDIR ACCOUNTS CHAINS

Writes into WORKDIR: accounts.txt (ID numbers of ACCOUNTS citizens registered through POST /api/identity/accounts,
password below), antiforgery.txt (a cookie and the matching form token of /account/sign-in), and refresh.txt
(CHAINS refresh tokens, one per authorization code of one citizen) with client.txt (client id and secret of a
confidential client with offline_access, registered through /admin/identity/clients).
"""
import base64, hashlib, html, http.cookiejar, json, os, random, re, secrets, sys, urllib.parse, urllib.request

URL, WORK, ACCOUNTS, CHAINS = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
PASSWORD = "Kettle-Orchard-41"
REDIRECT = "https://bench.example.cn/callback"
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_number(i):
    first17 = "110105" + f"{1960 + i % 40}{1 + i % 12:02d}{1 + i % 28:02d}" + f"{i % 1000:03d}"
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


def browser():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect), jar


def call(opener, path, form=None, data=None, headers=None):
    body = data if data is not None else (urllib.parse.urlencode(form).encode() if form is not None else None)
    request = urllib.request.Request(URL + path, data=body, headers=headers or {})
    try:
        with opener.open(request) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()


def token_of(page):
    return html.unescape(re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1))


def page_token(opener, path):
    return token_of(call(opener, path)[2])


# Citizens, registered through the API (their hashes made with the server's configured cost).
ids = []
plain = urllib.request.build_opener(NoRedirect)
for i in range(ACCOUNTS):
    number = id_number(random.randrange(10**6) * 1000 + i)
    status, _, body = call(plain, "/api/identity/accounts", data=json.dumps({"idNumber": number, "name": f"压测{i}",
        "phone": f"139{random.randrange(10**8):08d}", "password": PASSWORD}).encode(), headers={"Content-Type": "application/json"})
    if status == 201:
        ids.append(number)
if not ids:
    sys.exit("no account registered: " + body[:300])
open(os.path.join(WORK, "accounts.txt"), "w").write("\n".join(ids) + "\n")

# The sign-in form's antiforgery pair: one cookie and one form token, good for every anonymous post.
anon, jar = browser()
token = page_token(anon, "/account/sign-in")
cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
open(os.path.join(WORK, "antiforgery.txt"), "w").write(cookie + "\n" + urllib.parse.quote(token, safe="") + "\n")

# A confidential client with refresh tokens, registered by a system administrator (development sign-in).
admin, _ = browser()
call(admin, "/sign-in", {"Name": "bench-admin", "Roles": "system-administrator", "__RequestVerificationToken": page_token(admin, "/sign-in")})
client_id = "bench-" + secrets.token_hex(4)
_, _, page = call(admin, "/admin/identity/clients", [("Input.ClientId", client_id), ("Input.DisplayName", "压测客户端"),
    ("Input.Confidential", "true"), ("Input.AuthorizationCode", "true"), ("Input.RedirectUris", REDIRECT), ("Input.Profile", "true"),
    ("Input.OfflineAccess", "true"), ("__RequestVerificationToken", page_token(admin, "/admin/identity/clients"))])
secret = html.unescape(re.search(r'<code class="client-secret">([^<]+)</code>', page).group(1))
open(os.path.join(WORK, "client.txt"), "w").write(f"{client_id}\n{urllib.parse.quote(secret, safe='')}\n")

# One citizen signs in and consents once; each further authorization code starts its own refresh-token chain.
person, _ = browser()
call(person, "/account/sign-in?handler=Password", {"Login": ids[0], "Password": PASSWORD, "__RequestVerificationToken": page_token(person, "/account/sign-in")})
tokens = []
for _ in range(CHAINS):
    verifier = base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode()
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    query = {"client_id": client_id, "response_type": "code", "redirect_uri": REDIRECT, "scope": "openid profile offline_access",
             "state": "s", "code_challenge": challenge, "code_challenge_method": "S256"}
    path = "/connect/authorize?" + urllib.parse.urlencode(query)
    status, headers, page = call(person, path)
    if status == 200:  # the consent page, the first time
        status, headers, page = call(person, "/connect/authorize?handler=Allow", list(query.items()) + [("__RequestVerificationToken", token_of(page))])
    code = urllib.parse.parse_qs(urllib.parse.urlparse(headers["Location"]).query)["code"][0]
    _, _, body = call(plain, "/connect/token", {"grant_type": "authorization_code", "client_id": client_id, "client_secret": secret,
        "code": code, "redirect_uri": REDIRECT, "code_verifier": verifier})
    tokens.append(json.loads(body)["refresh_token"])
open(os.path.join(WORK, "refresh.txt"), "w").write("\n".join(tokens) + "\n")
print(f"{len(ids)} accounts, {len(tokens)} refresh-token chains, client {client_id}", file=sys.stderr)
