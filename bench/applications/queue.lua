-- wrk script: GET workbench pages (paths from WRK_PATHS, one a line, rotating) as a signed-in staff member.
-- Environment: WRK_PATHS (file of paths), WRK_COOKIE (the Cookie header of the staff session).
local paths = {}
local counter = 0
thread_index = 0 -- a global: setup() gives each thread its own through thread:set (a local would stay 0 in every thread)
local cookie = os.getenv("WRK_COOKIE")

function setup(thread)
  thread:set("thread_index", thread_index)
  thread_index = thread_index + 1
end

function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  counter = (tonumber(thread_index) or 0) * 7919
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[counter % #paths + 1], { ["Cookie"] = cookie })
end

function done(summary, latency, requests)
  io.write(string.format("p95_ms %.2f\n", latency:percentile(95) / 1000))
end
