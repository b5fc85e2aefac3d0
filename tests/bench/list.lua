-- list.lua — wrk script of tests/bench/complaints: GET of the staff complaint
-- lists, rotating over the lines of $BENCH_URLS ("group<TAB>path<TAB>cookie",
-- the cookie of the signed-in user who asks); with $BENCH_GROUP only that
-- group's lines. Each answer must be 200 with a full page (the link to the next
-- page, rel="next"); done() prints "bad N" for the others.
local urls = {}
local i = 0
bad = 0

local threads = {}
function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	local only = os.getenv("BENCH_GROUP") or ""
	for line in io.lines(os.getenv("BENCH_URLS")) do
		local g, p, c = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
		if g and (only == "" or only == g) then
			urls[#urls + 1] = wrk.format("GET", p, { Cookie = c })
		end
	end
	assert(#urls > 0, "no URLs for group " .. only)
end

function request()
	i = i % #urls + 1
	return urls[i]
end

function response(status, headers, body)
	if status ~= 200 or not body:find('rel="next"', 1, true) then bad = bad + 1 end
end

function done(summary, latency, requests)
	local n = 0
	for _, th in ipairs(threads) do n = n + (th:get("bad") or 0) end
	io.write(string.format("bad %d\n", n))
end
