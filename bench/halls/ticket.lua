-- wrk script: POST /api/halls/{hall}/tickets {"category": ...}, as the kiosks of the city's halls do: each request the
-- next of WRK_QUEUES (space-separated hall:letter pairs), so the load spreads over the halls' queues as a city's does.
--
--   WRK_QUEUES="city-centre:A yinzhou:B" wrk ... -s bench/halls/ticket.lua URL
local queues = {}
for hall, letter in string.gmatch(os.getenv("WRK_QUEUES") or "city-centre:A", "([%w-]+):(%u)") do
  queues[#queues + 1] = { "/api/halls/" .. hall .. "/tickets", '{"category":"' .. letter .. '"}' }
end
local n = 0

function request()
  n = n + 1
  local q = queues[(n % #queues) + 1]
  return wrk.format("POST", q[1], { ["Content-Type"] = "application/json" }, q[2])
end
