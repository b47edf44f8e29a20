-- wrk: refresh-token grants (POST /connect/token, grant_type=refresh_token). Tokens roll: each answer carries the
-- next refresh token of its chain, which goes back on the thread's queue; a token is never sent twice (a reuse would
-- revoke the chain). Each thread takes its share of WRK_REFRESH (one chain per connection at least).
-- Args: THREADS. Anything but 200 is counted and printed by done() as "BAD n".
-- With WRK_BASIC set (an "Authorization: Basic …" value), the client authenticates with HTTP Basic instead of the
-- form: the lean refresh path leaves such requests to OpenIddict's pipeline, which makes them the baseline.
local threads = {}
local counter = 0

function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
    table.insert(threads, thread)
end

function init(args)
    bad = 0
    local count = tonumber(args[1])
    queue = {}
    local i = 0
    for line in io.lines(os.getenv("WRK_REFRESH")) do
        if i % count == id then table.insert(queue, line) end
        i = i + 1
    end
    local f = io.open(os.getenv("WRK_CLIENT"))
    client = f:read("*l")
    secret = f:read("*l")
    f:close()
end

local basic = os.getenv("WRK_BASIC")

function request()
    local t = table.remove(queue, 1) or "exhausted"
    if basic then
        return wrk.format("POST", "/connect/token", { ["Content-Type"] = "application/x-www-form-urlencoded", ["Authorization"] = basic },
            "grant_type=refresh_token&refresh_token=" .. t)
    end
    return wrk.format("POST", "/connect/token", { ["Content-Type"] = "application/x-www-form-urlencoded" },
        "grant_type=refresh_token&client_id=" .. client .. "&client_secret=" .. secret .. "&refresh_token=" .. t)
end

function response(status, headers, body)
    local next = body:match('"refresh_token"%s*:%s*"([^"]+)"')
    if status ~= 200 or next == nil then bad = bad + 1 else table.insert(queue, next) end
end

function done(summary, latency, requests)
    local total = 0
    for _, t in ipairs(threads) do total = total + t:get("bad") end
    io.write(string.format("BAD %d\n", total))
end
