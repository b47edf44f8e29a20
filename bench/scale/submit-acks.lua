-- wrk script: walk-in submissions as bench/applications/submit.lua makes them, each answer written down, so that a run
-- can be checked afterwards: every acknowledged submission (HTTP 201) must be in the database.
--
--   WRK_BODY=FILE WRK_COOKIE=... WRK_RUN=NAME WRK_ACKS=PREFIX wrk ... -s bench/scale/submit-acks.lua URL
--
-- Each thread writes PREFIX.N, one line per answer: "<unix second> <status> <case number or ->".
thread_index = 0 -- a global: setup() gives each thread its own through thread:set (a local would stay 0 in every thread)
local counter = 0
local body = ""
local cookie = os.getenv("WRK_COOKIE")
local run = os.getenv("WRK_RUN") or "run"
local acks = nil

function setup(thread)
  thread:set("thread_index", thread_index)
  thread_index = thread_index + 1
end

function init(args)
  local file = assert(io.open(os.getenv("WRK_BODY"), "r"))
  body = file:read("*a")
  file:close()
  acks = assert(io.open(os.getenv("WRK_ACKS") .. "." .. tostring(thread_index), "w"))
end

function request()
  counter = counter + 1
  local key = run .. "-" .. tostring(thread_index) .. "-" .. tostring(counter)
  return wrk.format("POST", "/api/applications/walk-ins", {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/json",
    ["Sec-Fetch-Site"] = "same-origin",
  }, (string.gsub(body, "KEY", key)))
end

function response(status, headers, answer)
  local number = "-"
  if status == 201 then number = string.match(answer, '"number"%s*:%s*"([^"]+)"') or "?" end
  acks:write(os.time(), " ", status, " ", number, "\n")
  acks:flush()
end
