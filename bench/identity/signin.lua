-- wrk: password sign-ins through the real page handler (POST /account/sign-in?handler=Password), cycling through
-- the accounts of WRK_ACCOUNTS; each anonymous post carries the antiforgery cookie and token of WRK_ANTIFORGERY.
-- A success answers 302; anything else is counted and printed by done() as "BAD n".
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    bad = 0
    accounts = {}
    for line in io.lines(os.getenv("WRK_ACCOUNTS")) do table.insert(accounts, line) end
    local f = io.open(os.getenv("WRK_ANTIFORGERY"))
    cookie = f:read("*l")
    token = f:read("*l")
    f:close()
    n = math.random(#accounts)
end

function request()
    n = n % #accounts + 1
    local body = "Login=" .. accounts[n] .. "&Password=Kettle-Orchard-41&__RequestVerificationToken=" .. token
    return wrk.format("POST", "/account/sign-in?handler=Password",
        { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, body)
end

function response(status, headers, body)
    if status ~= 302 then bad = bad + 1 end
end

function done(summary, latency, requests)
    local total = 0
    for _, t in ipairs(threads) do total = total + t:get("bad") end
    io.write(string.format("BAD %d\n", total))
end
