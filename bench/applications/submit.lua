-- wrk script: POST /api/applications/walk-ins, each with a key of its own (so each makes a new case).
--
--   wrk ... -s bench/applications/submit.lua URL                    # as fast as it goes
--   wrk ... -s bench/applications/submit.lua URL -- RATE THREADS    # paced by bench/ratelimited.lua
--
-- Environment: WRK_BODY (file: the JSON body with the text KEY where the key goes), WRK_COOKIE (the clerk's
-- session cookie), WRK_PACER (path of ratelimited.lua, for a paced run), WRK_RUN (a name that keeps keys of runs apart),
-- WRK_ACKS (a path prefix: each thread then writes PREFIX.N, a line per answer, "<unix second> <status> <case number
-- or ->", so that a run can be checked afterwards against the database — bench/scale/failover.sh).
local pacer = os.getenv("WRK_PACER")
if pacer and #pacer > 0 then dofile(pacer) end
local paced_init, paced_delay = init, delay
local paced = false
thread_index = 0 -- a global: setup() gives each thread its own through thread:set (a local would stay 0 in every thread)
local counter = 0
local body = ""
local cookie = os.getenv("WRK_COOKIE")
local run = os.getenv("WRK_RUN") or "run"
local acks_prefix = os.getenv("WRK_ACKS")
local acks = nil

function setup(thread)
  thread:set("thread_index", thread_index)
  thread_index = thread_index + 1
end

function init(args)
  local file = assert(io.open(os.getenv("WRK_BODY"), "r"))
  body = file:read("*a")
  file:close()
  if acks_prefix then acks = assert(io.open(acks_prefix .. "." .. tostring(thread_index), "w")) end
  if paced_init and args[1] then
    paced_init(args)
    paced = true
  end
end

function delay()
  if paced then return paced_delay() end
  return 0
end

function request()
  counter = counter + 1
  local key = run .. "-" .. tostring(thread_index) .. "-" .. tostring(counter)
  return wrk.format("POST", "/api/applications/walk-ins", {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/json",
    ["Sec-Fetch-Site"] = "same-origin", -- as the walk-in page's browser sends it (the cross-site guard refuses a cookie write without it)
  }, (string.gsub(body, "KEY", key)))
end

if acks_prefix then
  function response(status, headers, answer)
    local number = "-"
    if status == 201 then number = string.match(answer, '"number"%s*:%s*"([^"]+)"') or "?" end
    acks:write(os.time(), " ", status, " ", number, "\n")
    acks:flush()
  end
end

function done(summary, latency, requests)
  io.write(string.format("p95_ms %.2f\n", latency:percentile(95) / 1000))
end
