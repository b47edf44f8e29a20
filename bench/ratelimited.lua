-- Constant-rate pacing for wrk 4 (Debian packages wrk, not wrk2).
--
--   wrk -t THREADS -c CONNECTIONS -d 15s --latency -s bench/ratelimited.lua URL -- RATE THREADS
--
-- RATE is the target for the whole run, in requests per second; THREADS must repeat -t.
-- Each wrk thread keeps a schedule of send slots RATE/THREADS per second apart. Before each
-- request, wrk calls delay(); the connection takes the next free slot and waits until it.
-- Slots missed by up to MAX_LAG_MS are sent at once; beyond that the schedule restarts from
-- now rather than bursting, so the achieved rate, which wrk prints as Requests/sec, is below
-- RATE when the server cannot keep up: check it.
--
-- Latency is wrk's own: from the moment a request is written to its response. Unlike wrk2,
-- this does not correct for coordinated omission, which matters only when the server falls
-- behind the schedule; at half of the measured maximum it normally does not.
--
-- Needs LuaJIT's ffi for a millisecond clock (Debian's wrk is built with LuaJIT). Without it,
-- each connection waits a fixed CONNECTIONS/RATE seconds between requests instead; then
-- pass CONNECTIONS as a third argument.

local has_ffi, ffi = pcall(require, "ffi")
local now_ms

if has_ffi then
  pcall(ffi.cdef, [[
    typedef struct { long tv_sec; long tv_nsec; } tongban_timespec;
    int clock_gettime(int clk_id, tongban_timespec *tp);
  ]])
  local ts = ffi.new("tongban_timespec")
  local CLOCK_MONOTONIC = 1
  now_ms = function()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
end

-- How far the schedule may fall behind the clock and still be caught up (timers fire late by
-- a fraction of a millisecond all the time; a longer stall is not made up with a burst).
local MAX_LAG_MS = 10

local interval_ms -- between two sends of this thread
local fixed_delay_ms -- fallback without a clock
local next_slot

-- Optional: rotate through the paths in the file named by WRK_PATHS, as paths.lua does.
local paths = {}
local counter = 0

function init(args)
  local list = os.getenv("WRK_PATHS")
  if list and #list > 0 then
    for line in assert(io.open(list, "r")):lines() do
      if #line > 0 then paths[#paths + 1] = line end
    end
    counter = math.random(1, #paths)
  end
  local rate = tonumber(args[1])
  local threads = tonumber(args[2] or "1")
  local connections = tonumber(args[3] or "0")
  if not rate or rate <= 0 or not threads or threads <= 0 then
    error("ratelimited.lua: usage: wrk ... -s ratelimited.lua URL -- RATE THREADS [CONNECTIONS]")
  end
  interval_ms = 1000 * threads / rate
  if not now_ms then
    if connections <= 0 then
      error("ratelimited.lua: no LuaJIT ffi clock here; pass CONNECTIONS as the third argument")
    end
    fixed_delay_ms = math.floor(1000 * connections / rate)
  end
end

function delay()
  if fixed_delay_ms then
    return fixed_delay_ms
  end
  local now = now_ms()
  local slot = next_slot or now
  if slot < now - MAX_LAG_MS then
    slot = now - MAX_LAG_MS
  end
  next_slot = slot + interval_ms
  return math.floor(slot - now + 0.5)
end

function request()
  if #paths == 0 then return wrk.format() end
  counter = counter + 1
  return wrk.format("GET", paths[counter % #paths + 1])
end
