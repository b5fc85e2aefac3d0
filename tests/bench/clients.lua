-- clients.lua — wrk script of tests/bench/clients: GET of the lines of
-- $BENCH_URLS ("path<TAB>cookie") in turn; each answer must be 200 and hold
-- $BENCH_MARK; done() prints "bad N" for the others.
local urls = {}
local i = 0
local mark = os.getenv("BENCH_MARK") or ""
bad = 0

local threads = {}
function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	for line in io.lines(os.getenv("BENCH_URLS")) do
		local p, c = line:match("^([^\t]+)\t(.*)$")
		if p then urls[#urls + 1] = wrk.format("GET", p, { Cookie = c }) end
	end
	assert(#urls > 0, "no URLs")
end

function request()
	i = i % #urls + 1
	return urls[i]
end

function response(status, headers, body)
	if status ~= 200 or not body:find(mark, 1, true) then bad = bad + 1 end
end

function done(summary, latency, requests)
	local n = 0
	for _, th in ipairs(threads) do n = n + (th:get("bad") or 0) end
	io.write(string.format("bad %d\n", n))
	io.write(string.format("p50 %.2f ms p99 %.2f ms req/s %.0f\n", latency:percentile(50) / 1000,
		latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
