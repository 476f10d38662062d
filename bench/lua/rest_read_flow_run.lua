-- rest_read_flow_run: GET /api/flow_runs/{id}, the REST twin of flow_run_by_pk, rotating
-- through the seeded ids. Params: run_ids (list of strings).

local requests = {}
for i, id in ipairs({{run_ids}}) do
  requests[i] = wrk.format("GET", "/api/flow_runs/" .. id, {})
end
request = rotating(requests)
