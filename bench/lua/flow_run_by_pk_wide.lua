-- flow_run_by_pk_wide: flow_run_by_pk selecting the run's columns that the REST read
-- (GET /api/flow_runs/{id}) answers with, rotating through the seeded ids: the twin of the
-- REST read that asks for the same data. Params: run_ids (list of strings).

local query = "query($id: uuid!) { flow_run_by_pk(id: $id) { id created updated name "
  .. "flow_id state_id deployment_id parameters idempotency_key context labels state "
  .. "state_type state_message state_timestamp state_start_time run_count "
  .. "scheduled_start_time start_time end_time auto_scheduled created_by version tags "
  .. "empirical_policy job_variables work_queue_name infrastructure_document_id "
  .. "parent_task_run_id } }"
local requests = {}
for i, id in ipairs({{run_ids}}) do
  requests[i] = graphql_request(query, '{"id":' .. json_string(id) .. '}')
end
request = rotating(requests)
