-- wrk script: POST /api/halls/{hall}/tickets {"category": ...}, as a kiosk's button does.
--
--   WRK_HALL=city-centre WRK_CATEGORY=A wrk ... -s bench/halls/ticket.lua URL
local hall = os.getenv("WRK_HALL") or "city-centre"
local category = os.getenv("WRK_CATEGORY") or "A"

function request()
  return wrk.format("POST", "/api/halls/" .. hall .. "/tickets", { ["Content-Type"] = "application/json" },
    '{"category":"' .. category .. '"}')
end
