-- rest_create_flow_run: every request creates a run through the REST door,
-- POST /api/deployments/{id}/create_flow_run (seed 003).
-- Params: deployment_id (string).

local path = "/api/deployments/" .. {{deployment_id}} .. "/create_flow_run"
local req = json_request("POST", path, '{"parameters":{"x":2}}')

function request()
  return req
end
