#!/usr/bin/env python3
"""The calling screens of one hall, as many as asked, each its own connection to the hall's server-sent events (the
stream the screen page's hall-screen.js follows), and a clerk calling tickets at a window: for each call, how long until
each screen received a state naming it, from the moment the call was sent.

    screens.py URL HALL WINDOW COOKIE [--screens 200] [--calls 30] [--gap 1.0]

Prints one JSON object: screens connected, calls made, deliveries, p50/p99/max in ms, and misses (a screen that had not
received a call within 10 s). Needs only the standard library (asyncio, raw HTTP/1.1)."""
import argparse, asyncio, json, time, urllib.error, urllib.parse, urllib.request


async def screen(host, port, path, seen, ready):
    reader, writer = await asyncio.open_connection(host, port, limit=1 << 20)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
    await writer.drain()
    status = await reader.readline()
    if b" 200 " not in status:
        raise SystemExit(f"screen stream answered {status!r}")
    while (await reader.readline()) not in (b"\r\n", b"\n"):
        pass
    ready.set()
    mine = {}
    seen.append(mine)
    buffer = b""
    while True:
        chunk = await reader.read(65536)
        if not chunk:
            return
        now = time.monotonic()
        buffer += chunk
        for line in buffer.split(b"\n")[:-1]:
            if line.startswith(b"data: "):
                for call in json.loads(line[6:]).get("calls", []):
                    mine.setdefault(call.get("number"), now)
        buffer = buffer.split(b"\n")[-1]


def call_next(url, hall, window, cookie):
    req = urllib.request.Request(f"{url}/api/halls/{hall}/windows/{window}/call", data=b"", method="POST", headers={"Cookie": cookie, "Sec-Fetch-Site": "same-origin"})  # as the calling page in the browser
    try:
        with urllib.request.urlopen(req) as r:
            return json.load(r)["number"]
    except urllib.error.HTTPError as e:
        raise SystemExit(f"calling at window {window} answered HTTP {e.code}: {e.read().decode('utf-8', 'replace')[:400]}")


def take(url, hall, category):
    req = urllib.request.Request(f"{url}/api/halls/{hall}/tickets", data=json.dumps({"category": category}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)["number"]


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("url"); p.add_argument("hall"); p.add_argument("window"); p.add_argument("category"); p.add_argument("cookie")
    p.add_argument("--screens", type=int, default=200); p.add_argument("--calls", type=int, default=30); p.add_argument("--gap", type=float, default=1.0)
    a = p.parse_args()
    u = urllib.parse.urlparse(a.url)
    seen, events = [], []
    tasks = []
    for _ in range(a.screens):
        ready = asyncio.Event()
        tasks.append(asyncio.create_task(screen(u.hostname, u.port, f"/halls/{a.hall}/screen/events", seen, ready)))
        await asyncio.wait_for(ready.wait(), 30)
    await asyncio.sleep(2)  # every screen has its first state
    loop = asyncio.get_running_loop()
    sent = {}
    for _ in range(a.calls):
        await loop.run_in_executor(None, take, a.url, a.hall, a.category)
        await asyncio.sleep(a.gap / 2)
        started = time.monotonic()
        number = await loop.run_in_executor(None, call_next, a.url, a.hall, a.window, a.cookie)
        sent[number] = started
        await asyncio.sleep(a.gap / 2)
    await asyncio.sleep(10)
    for t in tasks:
        t.cancel()
    delays, misses = [], 0
    for number, started in sent.items():
        for mine in seen:
            if number in mine:
                delays.append((mine[number] - started) * 1000)
            else:
                misses += 1
    delays.sort()
    pick = lambda q: round(delays[min(len(delays) - 1, int(q * len(delays)))], 1) if delays else None
    print(json.dumps({"screens": len(seen), "calls": len(sent), "deliveries": len(delays), "misses": misses,
                      "p50_ms": pick(0.50), "p99_ms": pick(0.99), "max_ms": round(delays[-1], 1) if delays else None}))


asyncio.run(main())
