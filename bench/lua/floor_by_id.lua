-- floor_by_id: one statement of the floor app (bench/floor.py) on a seeded run per request,
-- rotating through the seeded ids. Params: path (/floor/read or /floor/set_state), run_ids.

local requests = {}
for i, id in ipairs({{run_ids}}) do
  requests[i] = json_request("POST", {{path}}, '{"id":' .. json_string(id) .. '}')
end
request = rotating(requests)
