-- create_flow_run: every request creates a new run of the seeded flow.
-- Params: flow_id (string).

local query = "mutation($input: create_flow_run_input!) "
  .. "{ create_flow_run(input: $input) { id } }"
local variables = '{"input":{"flow_id":' .. json_string({{flow_id}})
  .. ',"parameters":{"x":2}}}'
local req = graphql_request(query, variables)

function request()
  return req
end
