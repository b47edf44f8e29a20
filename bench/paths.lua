-- Rotates through the request paths listed in the file named by WRK_PATHS (one path a line),
-- each wrk thread starting at a different line. Used for search queries and guide pages, so
-- that one cached answer does not stand for all.
--
--   WRK_PATHS=queries.paths wrk -t2 -c32 -d15s --latency -s bench/paths.lua http://127.0.0.1:PORT

local paths = {}
local counter = 0
thread_index = 0 -- a global: setup() gives each thread its own through thread:set (a local would stay 0 in every thread)

function setup(thread)
  thread:set("thread_index", thread_index)
  thread_index = thread_index + 1
end

function init(args)
  local file = assert(io.open(os.getenv("WRK_PATHS"), "r"), "paths.lua: set WRK_PATHS to a file of paths")
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
  counter = (tonumber(thread_index) or 0) * 7919
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[counter % #paths + 1])
end
