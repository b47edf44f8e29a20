-- wrk script: POST /api/licenses/verify for license identifiers taken in turn from a file.
--
--   wrk ... -s bench/licenses/verify.lua URL                      # as fast as it goes
--   wrk ... -s bench/licenses/verify.lua URL -- RATE THREADS      # paced by bench/ratelimited.lua
--
-- Environment: WRK_KEYS (file, one identifier a line), WRK_TOKEN (bearer token), WRK_PACER (path of
-- ratelimited.lua, needed for a paced run).
local pacer = os.getenv("WRK_PACER")
if pacer and #pacer > 0 then dofile(pacer) end
local paced_init, paced_delay = init, delay
local paced = false

local keys = {}
local token = os.getenv("WRK_TOKEN")
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
  local body = '{"identifier":"' .. keys[at] .. '","purpose":"benchmark: verification"}'
  return wrk.format("POST", "/api/licenses/verify", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, body)
end
