"""Every GraphQL document the client sends. A test validates each against schema.graphql,
so a schema change that would break the client fails there first."""

from __future__ import annotations

FLOW_RUN_FIELDS = """
fragment FlowRunFields on flow_run {
  id name version state state_message state_timestamp
  parameters context labels run_config idempotency_key auto_scheduled agent_id
  scheduled_start_time start_time end_time heartbeat created created_by
  flow { id name version flow_group_id project { name } }
}
"""

FLOW_FIELDS = """
fragment FlowFields on flow {
  id name version flow_group_id version_group_id archived labels run_config
  schedule is_schedule_active project { id name }
}
"""

CREATE_PROJECT = """
mutation CreateProject($input: create_project_input!) {
  create_project(input: $input) { id }
}
"""

PROJECT_BY_NAME = """
query ProjectByName($name: String!) {
  project(where: {name: {_eq: $name}}, limit: 1) { id name }
}
"""

CREATE_FLOW = """
mutation CreateFlow($input: create_flow_input!) {
  create_flow(input: $input) { id flow { version flow_group_id } }
}
"""

FLOWS = FLOW_FIELDS + """
query Flows($where: flow_bool_exp) {
  flow(where: $where, order_by: [{version: desc}], limit: 100) { ...FlowFields }
}
"""

FLOW_BY_ID = FLOW_FIELDS + """
query FlowById($id: uuid!) {
  flow_by_pk(id: $id) { ...FlowFields }
}
"""

FLOW_GROUP_BY_ID = FLOW_FIELDS + """
query FlowGroupById($id: uuid!) {
  flow_group_by_pk(id: $id) {
    id
    flows(where: {archived: {_eq: false}}, order_by: [{version: desc}]) { ...FlowFields }
  }
}
"""

CREATE_FLOW_RUN = """
mutation CreateFlowRun($input: create_flow_run_input!) {
  create_flow_run(input: $input) { id created }
}
"""

FLOW_RUN = FLOW_RUN_FIELDS + """
query FlowRun($id: uuid!) {
  flow_run_by_pk(id: $id) { ...FlowRunFields }
}
"""

FLOW_RUNS = FLOW_RUN_FIELDS + """
query FlowRuns($where: flow_run_bool_exp, $limit: Int) {
  flow_run(where: $where, order_by: [{created: desc}], limit: $limit) { ...FlowRunFields }
}
"""

FLOW_RUN_STATES = """
query FlowRunStates($ids: [uuid!]) {
  flow_run(where: {id: {_in: $ids}}) { id state version }
}
"""

STATE_HISTORY = """
query($id: uuid!, $after: Int!) {
  flow_run_state(where: {flow_run_id: {_eq: $id}, version: {_gt: $after}},
                 order_by: {version: asc}) { version state message }
}"""

SET_FLOW_RUN_STATE = """
mutation SetFlowRunState($input: set_flow_run_state_input!) {
  set_flow_run_state(input: $input) { id version }
}
"""

CANCEL_FLOW_RUN = """
mutation CancelFlowRun($input: cancel_flow_run_input!) {
  cancel_flow_run(input: $input) { state }
}
"""

WRITE_RUN_LOGS = """
mutation WriteRunLogs($input: write_run_logs_input!) {
  write_run_logs(input: $input) { success }
}
"""

LOGS = """
query Logs($where: log_bool_exp, $limit: Int) {
  log(where: $where, order_by: [{timestamp: asc}, {created: asc}], limit: $limit) {
    id flow_run_id task_run_id timestamp level name message info created
  }
}
"""

REGISTER_AGENT = """
mutation RegisterAgent($input: register_agent_input!) {
  register_agent(input: $input) { id }
}
"""

GET_RUNS_IN_QUEUE = """
mutation GetRunsInQueue($input: get_runs_in_queue_input!) {
  get_runs_in_queue(input: $input) { flow_run_ids }
}
"""

CLAIM_FLOW_RUNS = """
mutation ClaimFlowRuns($input: claim_flow_runs_input!) {
  claim_flow_runs(input: $input) {
    flow_runs {
      id version
      flow_run {
        name parameters context run_config scheduled_start_time state_start_time
        flow { id name storage }
      }
    }
  }
}
"""

HEARTBEAT = """
mutation Heartbeat($input: update_flow_run_heartbeat_input!) {
  update_flow_run_heartbeat(input: $input) { success }
}
"""

RUN_FOR_EXECUTION = """
query RunForExecution($id: uuid!) {
  flow_run_by_pk(id: $id) {
    id version state name parameters context run_config scheduled_start_time state_start_time
    flow { id name storage }
  }
}
"""

ALL = {name: value for name, value in dict(globals()).items()
       if name.isupper() and name not in ("FLOW_RUN_FIELDS", "FLOW_FIELDS", "ALL")}
