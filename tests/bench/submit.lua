-- submit.lua — wrk script of tests/bench/complaints: POST /portal/complaint, each
-- request with its own signed form token (one a line in $BENCH_TOKEN_FILE, made by
-- the bench with the stack's index key). POSTs are sent for $BENCH_POST_SECONDS
-- from the first one; after that, or when the tokens run out, delay() holds every
-- connection back for longer than the run, so the POSTs in flight are answered
-- before wrk stops (run it 2 s longer) and every POST sent has its answer counted.
-- wrk's latency figures are then those of the POSTs only. done() prints:
--   acked N     200 with the tracking number (id="tracking-no"): acknowledged
--   form N      200 without it (the form again: a field was refused)
--   failed N    any other status
--   posted N    POSTs sent
--   ran_out N   connections that found no token left (0 unless the file was too short)
--   window S    seconds from the first POST to the last POST answer
--   trackings   the acknowledged tracking numbers, one a line, to $BENCH_ACKED
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } gw_timespec;
int clock_gettime(int clk, gw_timespec *ts);
]]
local tsbuf = ffi.new("gw_timespec")
local function now()
	ffi.C.clock_gettime(1, tsbuf) -- CLOCK_MONOTONIC
	return tonumber(tsbuf.tv_sec) + tonumber(tsbuf.tv_nsec) / 1e9
end

local threads = {}
function setup(thread)
	table.insert(threads, thread)
	thread:set("tid", #threads)
end

-- percent-encoding of a form value (UTF-8 bytes)
local function enc(s)
	return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

local path = "/portal/complaint"
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local filler -- the request sent when no POST is to be sent
local tokens = {}
local body_tail
local seconds = tonumber(os.getenv("BENCH_POST_SECONDS") or "10")
local t0, tlast
acked, form, failed, posted, ran_out, window, tid = 0, 0, 0, 0, 0, 0, 1
acked_list = {}

function init(args)
	local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")
	local i = 0
	for line in io.lines(os.getenv("BENCH_TOKEN_FILE")) do
		if i % nthreads == tid - 1 then tokens[#tokens + 1] = line end
		i = i + 1
	end
	local email = os.getenv("BENCH_POST_EMAIL") or ""
	body_tail = "&name=" .. enc("压测用户") .. "&phone=13800138000" ..
		"&email=" .. enc(email) ..
		"&company=" .. enc("压测财税有限公司") .. "&subject=" .. enc("记账服务") ..
		"&description=" .. enc("这是压力测试提交的投诉内容：账目处理延误，请尽快回复。") ..
		"&website="
	filler = wrk.format("GET", "/static/css/guwen.css")
end

local next_token = 1
local checked = false
-- wrk calls request() once in the first thread to look at the script
-- (script_verify_request) and never sends what it gets: not a POST
function request()
	if tid == 1 and not checked then
		checked = true
		return filler
	end
	local tok = tokens[next_token]
	if not tok then -- delay() keeps this from happening
		ran_out = ran_out + 1
		return filler
	end
	if not t0 then t0 = now() end
	next_token = next_token + 1
	posted = posted + 1
	return wrk.format("POST", path, headers, "token=" .. tok .. body_tail)
end

-- before each request: none once the POST time is over or the tokens are used
-- up (the connection waits for longer than the run)
function delay()
	if (t0 and now() - t0 >= seconds) then return 3600000 end
	if not tokens[next_token] then
		ran_out = ran_out + 1
		return 3600000
	end
	return 0
end

function response(status, hdrs, body)
	tlast = now()
	window = tlast - t0
	if status == 200 then
		local tr = body:match('id="tracking%-no">([^<]*)<')
		if tr then
			acked = acked + 1
			acked_list[#acked_list + 1] = tr
		else
			form = form + 1
		end
	else
		failed = failed + 1
	end
end

function done(summary, latency, requests)
	local sum = { acked = 0, form = 0, failed = 0, posted = 0, ran_out = 0, window = 0 }
	local out = assert(io.open(os.getenv("BENCH_ACKED"), "w"))
	for _, th in ipairs(threads) do
		for k in pairs(sum) do
			local v = th:get(k) or 0
			if k == "window" then sum[k] = math.max(sum[k], v) else sum[k] = sum[k] + v end
		end
		for _, tr in ipairs(th:get("acked_list") or {}) do out:write(tr, "\n") end
	end
	out:close()
	for _, k in ipairs({ "acked", "form", "failed", "posted", "ran_out" }) do
		io.write(string.format("%s %d\n", k, sum[k]))
	end
	io.write(string.format("window %.3f\n", sum.window))
end
