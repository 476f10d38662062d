-- floor_create: the floor app's one INSERT ... RETURNING per request (bench/floor.py).
-- Params: flow_id (string).

local req = json_request("POST", "/floor/create", '{"flow_id":' .. json_string({{flow_id}}) .. '}')

function request()
  return req
end
