-- set_flow_run_state: sets Running on a seeded run per request, rotating through the seeded
-- ids. The version is null, so the write never conflicts with another.
-- Params: run_ids (list of strings).

local query = "mutation($input: set_flow_run_state_input!) "
  .. "{ set_flow_run_state(input: $input) { id } }"
local requests = {}
for i, id in ipairs({{run_ids}}) do
  local variables = '{"input":{"flow_run_id":' .. json_string(id)
    .. ',"version":null,"state":{"type":"Running","message":"bench"}}}'
  requests[i] = graphql_request(query, variables)
end
request = rotating(requests)
