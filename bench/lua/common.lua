-- Shared by every operation script: the harness prepends this file to the operation's
-- script (after filling in the operation's {{placeholders}}).
--
-- An operation script defines `request()`; it builds requests with json_request() or
-- graphql_request(). This file counts errors in `response` and prints one result line in
-- `done`:  BENCH_RESULT {"requests": ..., "p50_us": ..., ...}
--
-- A response is an error when its status is not 2xx (REST creates answer 201), or when its
-- body holds "errors" (GraphQL reports errors with HTTP 200).

local threads = {}

-- Per-thread counters; `done` sums them over threads with thread:get().
non_200 = 0
graphql_errors = 0
sample_error = ""

function json_string(s)
  local escaped = s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' end
    if c == "\\" then return "\\\\" end
    return string.format("\\u%04x", c:byte())
  end)
  return '"' .. escaped .. '"'
end

function json_request(method, path, body)
  return wrk.format(method, path, {["Content-Type"] = "application/json"}, body)
end

-- A POST /graphql request; variables_json is the JSON text of the variables object.
function graphql_request(query, variables_json)
  local body = '{"query":' .. json_string(query) .. ',"variables":' .. variables_json .. '}'
  return json_request("POST", "/graphql", body)
end

function setup(thread)
  table.insert(threads, thread)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non_200 = non_200 + 1
  elseif body:find('"errors"', 1, true) then
    graphql_errors = graphql_errors + 1
  else
    return
  end
  if sample_error == "" then
    sample_error = "HTTP " .. status .. ": " .. body
  end
end

function done(summary, latency, requests)
  local totals = {non_200 = 0, graphql_errors = 0}
  local sample = ""
  for _, thread in ipairs(threads) do
    totals.non_200 = totals.non_200 + thread:get("non_200")
    totals.graphql_errors = totals.graphql_errors + thread:get("graphql_errors")
    if sample == "" then
      sample = thread:get("sample_error")
    end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%.0f,"duration_us":%.0f,"p50_us":%.0f,"p99_us":%.0f,'
      .. '"mean_us":%.1f,"max_us":%.0f,"non_200":%.0f,"graphql_errors":%.0f,'
      .. '"socket_errors":%.0f,"sample_error":%s}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.mean, latency.max, totals.non_200, totals.graphql_errors,
    e.connect + e.read + e.write + e.timeout, json_string(sample)))
end

-- A request() that rotates through a list of prepared requests (one per seeded id, ...).
function rotating(requests)
  local n = 0
  return function()
    n = n % #requests + 1
    return requests[n]
  end
end
