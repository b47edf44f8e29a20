-- wrk script: a department system's call through its exchange node, or the same lookup made directly to the
-- department's own system, for keys (ID numbers) taken in turn from a file.
--
--   wrk ... -s bench/nodes/call.lua URL                      # as fast as it goes
--   wrk ... -s bench/nodes/call.lua URL -- RATE THREADS      # paced by bench/ratelimited.lua
--
-- Environment: WRK_KEYS (file, one key a line), WRK_PATH (the address path), WRK_AUTH (an Authorization header value,
-- empty for the direct call), WRK_ITEMS and WRK_PURPOSE (the node call's items, comma-separated, and purpose; without
-- WRK_ITEMS the body is the department system's own {"key": …}), WRK_PACER (path of ratelimited.lua, for a paced run).
local pacer = os.getenv("WRK_PACER")
if pacer and #pacer > 0 then dofile(pacer) end
local paced_init, paced_delay = init, delay
local paced = false

local keys = {}
local path = os.getenv("WRK_PATH")
local auth = os.getenv("WRK_AUTH") or ""
local purpose = os.getenv("WRK_PURPOSE") or ""
local items = os.getenv("WRK_ITEMS") or ""
local item_list = nil
if #items > 0 then
  local quoted = {}
  for i in string.gmatch(items, "[^,]+") do quoted[#quoted + 1] = '"' .. i .. '"' end
  item_list = "[" .. table.concat(quoted, ",") .. "]"
end
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
  local headers = { ["Content-Type"] = "application/json" }
  local body
  if item_list then
    body = '{"key":"' .. keys[at] .. '","items":' .. item_list .. ',"purpose":"' .. purpose .. '"}'
    headers["Authorization"] = auth
    headers["X-On-Behalf-Of"] = "bench-clerk"
  else
    body = '{"key":"' .. keys[at] .. '"}'
  end
  return wrk.format("POST", path, headers, body)
end
