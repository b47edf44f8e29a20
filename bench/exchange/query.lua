-- wrk script: POST /api/exchange/<resource>/query for keys (ID numbers) taken in turn from a file.
--
--   wrk ... -s bench/exchange/query.lua URL                      # as fast as it goes
--   wrk ... -s bench/exchange/query.lua URL -- RATE THREADS      # paced by bench/ratelimited.lua
--
-- Environment: WRK_KEYS (file, one key a line), WRK_TOKEN (bearer token), WRK_RESOURCE (resource
-- code), WRK_FIELDS (comma-separated, default "name,status"), WRK_PACER (path of ratelimited.lua,
-- needed for a paced run).
local pacer = os.getenv("WRK_PACER")
if pacer and #pacer > 0 then dofile(pacer) end
local paced_init, paced_delay = init, delay
local paced = false

local keys = {}
local token = os.getenv("WRK_TOKEN")
local path = "/api/exchange/" .. (os.getenv("WRK_RESOURCE") or "") .. "/query"
local fields = {}
for f in string.gmatch(os.getenv("WRK_FIELDS") or "name,status", "[^,]+") do fields[#fields + 1] = '"' .. f .. '"' end
local field_list = "[" .. table.concat(fields, ",") .. "]"
local at = 0

function init(args)
  for line in io.lines(os.getenv("WRK_KEYS")) do
    if #line > 0 then keys[#keys + 1] = line end
  end
  at = math.random(1, #keys)
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
  at = at % #keys + 1
  local body = '{"key":"' .. keys[at] .. '","fields":' .. field_list .. ',"purpose":"benchmark: eligibility check"}'
  return wrk.format("POST", path, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["X-On-Behalf-Of"] = "bench-clerk",
  }, body)
end
