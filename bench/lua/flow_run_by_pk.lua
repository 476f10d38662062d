-- flow_run_by_pk: reads one seeded run per request, rotating through the seeded ids.
-- Params: run_ids (list of strings).

local query = "query($id: uuid!) "
  .. "{ flow_run_by_pk(id: $id) { id name state version parameters } }"
local requests = {}
for i, id in ipairs({{run_ids}}) do
  requests[i] = graphql_request(query, '{"id":' .. json_string(id) .. '}')
end
request = rotating(requests)
