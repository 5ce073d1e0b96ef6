-- wrk script of bench/http-bench.sh. Configured by environment variables:
--   BENCH_TOKENS  file of "token site_id" lines (SeedTokens' output); each request takes the next line and
--                 sends GET /v2/sites/<site_id> with "Authorization: Bearer <token>", wrapping at the end.
--                 Unset: every request is the plain GET of the URL given to wrk (e.g. /ping).
--   BENCH_LIMIT   use only the first N lines (0 or unset: all)
--   BENCH_START   0-based line to start at, so a measured run continues the warm-up's walk
--   BENCH_EXPECT  the status every answer should have (200, or 401 for invalid tokens); any other is an error
-- done() prints one machine-readable line:
--   RESULT requests= duration_s= rps= p50_ms= p90_ms= p99_ms= max_ms= unexpected= socket_errors= pool=
-- where unexpected counts answers whose status is not BENCH_EXPECT, socket_errors wrk's connect, read,
-- write and timeout errors, and pool the number of distinct token lines in the walk.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

local expect = tonumber(os.getenv("BENCH_EXPECT") or "200")
local file = os.getenv("BENCH_TOKENS")
if file == "" then
   file = nil
end

-- Per-thread state (globals, so that done() can read them with thread:get).
ok, unexpected, pool, statuses = 0, 0, 0, ""
local auth, paths, idx = {}, {}, 0
local seen = {}

function init(args)
   if file then
      local limit = tonumber(os.getenv("BENCH_LIMIT") or "0")
      for line in io.lines(file) do
         local token, site = line:match("^(%S+) (%S+)$")
         if token then
            pool = pool + 1
            auth[pool] = "Bearer " .. token
            paths[pool] = "/v2/sites/" .. site
            if limit > 0 and pool >= limit then
               break
            end
         end
      end
      if pool == 0 then
         error("no 'token site_id' lines in " .. file)
      end
      -- request() increments before use: start just before the wanted line.
      idx = (tonumber(os.getenv("BENCH_START") or "0")) % pool
   end
end

if file then
   function request()
      idx = idx + 1
      if idx > pool then
         idx = 1
      end
      return wrk.format("GET", paths[idx], { ["Authorization"] = auth[idx] })
   end
end

function response(status, headers, body)
   if status == expect then
      ok = ok + 1
   else
      unexpected = unexpected + 1
      if not seen[status] then
         seen[status] = true
         statuses = statuses .. status .. ","
      end
   end
end

function done(summary, latency, requests)
   local bad, distinct, codes = 0, 0, ""
   for _, t in ipairs(threads) do
      bad = bad + t:get("unexpected")
      distinct = distinct + t:get("pool")
      codes = codes .. t:get("statuses")
   end
   local e = summary.errors
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f "
         .. "unexpected=%d socket_errors=%d pool=%d unexpected_statuses=%s\n",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, bad, e.connect + e.read + e.write + e.timeout, distinct,
      codes == "" and "-" or codes))
end
