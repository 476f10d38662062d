// Every GraphQL document the UI sends. tests/ui/test_documents.py extracts each graphql() call
// below and validates it against schema.graphql; `npm run codegen` types them.
import { graphql } from "../gql";

export const DashboardQuery = graphql(`
  query Dashboard($window: flow_run_bool_exp!, $since: timestamptz!) {
    scheduled: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: "SCHEDULED" } }] }) { aggregate { count } }
    pending: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: "PENDING" } }] }) { aggregate { count } }
    running: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: "RUNNING" } }] }) { aggregate { count } }
    paused: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: "PAUSED" } }] }) { aggregate { count } }
    cancelling: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: "CANCELLING" } }] }) { aggregate { count } }
    completed: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: "COMPLETED" } }] }) { aggregate { count } }
    failed: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: "FAILED" } }] }) { aggregate { count } }
    cancelled: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: "CANCELLED" } }] }) { aggregate { count } }
    crashed: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: "CRASHED" } }] }) { aggregate { count } }
    late: flow_run_aggregate(where: { late: { _eq: true } }) { aggregate { count } }
    in_progress: flow_run(
      where: { state_type: { _in: ["PENDING", "RUNNING", "CANCELLING", "PAUSED"] } }
      order_by: { state_timestamp: desc }
      limit: 10
    ) { id name state state_type start_time flow { id name } }
    upcoming: flow_run(
      where: { state_type: { _eq: "SCHEDULED" } }
      order_by: { scheduled_start_time: asc }
      limit: 10
    ) { id name state state_type scheduled_start_time flow { id name } }
    failures: flow_run(
      where: { state_type: { _in: ["FAILED", "CRASHED"] }, state_timestamp: { _gte: $since } }
      order_by: { state_timestamp: desc }
      limit: 10
    ) { id name state state_type state_message state_timestamp flow { id name } }
    agent(order_by: { last_queried: desc_nulls_last }) { id name type labels last_queried }
  }
`);

export const RunHistoryQuery = graphql(`
  query RunHistory($since: timestamptz!, $limit: Int!) {
    flow_run(
      where: { end_time: { _gte: $since } }
      order_by: { end_time: desc }
      limit: $limit
    ) { end_time state_type }
  }
`);

export const FlowsQuery = graphql(`
  query Flows($where: flow_bool_exp!) {
    flow(where: $where, order_by: { name: asc }) {
      id
      name
      version
      labels
      schedule
      is_schedule_active
      project { id name }
      flow_runs(order_by: { scheduled_start_time: desc }, limit: 5) { id name state state_type }
    }
    project(order_by: { name: asc }) { id name }
  }
`);

export const FlowQuery = graphql(`
  query Flow($id: uuid!) {
    flow_by_pk(id: $id) {
      id
      name
      version
      archived
      description
      parameters
      parameter_schema
      labels
      schedule
      is_schedule_active
      created
      project { id name }
      flow_group {
        id
        labels
        default_parameters
        flows(order_by: { version: desc }) { id version archived created }
      }
    }
  }
`);

export const FlowRunsQuery = graphql(`
  query FlowRuns($where: flow_run_bool_exp!, $order_by: [flow_run_order_by!]!, $limit: Int!, $offset: Int!) {
    flow_run(where: $where, order_by: $order_by, limit: $limit, offset: $offset) {
      id
      name
      state
      state_type
      version
      labels
      scheduled_start_time
      start_time
      end_time
      flow { id name project { id name } }
    }
  }
`);

export const FlowRunsCountQuery = graphql(`
  query FlowRunsCount($where: flow_run_bool_exp!) {
    flow_run_aggregate(where: $where) { aggregate { count } }
  }
`);

export const FilterChoicesQuery = graphql(`
  query FilterChoices {
    flow(where: { archived: { _eq: false } }, order_by: { name: asc }) { id name flow_group_id }
    project(order_by: { name: asc }) { id name }
  }
`);

export const FlowRunQuery = graphql(`
  query FlowRun($id: uuid!) {
    flow_run_by_pk(id: $id) {
      id
      name
      state
      state_type
      state_message
      version
      parameters
      context
      labels
      idempotency_key
      scheduled_start_time
      start_time
      end_time
      created
      run_count
      late
      wait_reason
      created_by
      flow { id name version project { id name } }
      states(order_by: { version: asc }) { id version state type message timestamp created_by }
      task_runs(order_by: [{ start_time: asc_nulls_last }, { created: asc }]) {
        id
        name
        map_index
        state
        state_type
        state_message
        version
        start_time
        end_time
        task { id name slug }
      }
    }
  }
`);

export const FlowRunLogsQuery = graphql(`
  query FlowRunLogs($where: log_bool_exp!, $limit: Int!) {
    log(where: $where, order_by: [{ timestamp: asc }, { id: asc }], limit: $limit) {
      id
      timestamp
      level
      name
      message
      task_run_id
    }
  }
`);

export const CreateFlowRunMutation = graphql(`
  mutation CreateFlowRun($input: create_flow_run_input!) {
    create_flow_run(input: $input) { id }
  }
`);

export const SetFlowRunStatesMutation = graphql(`
  mutation SetFlowRunStates($input: set_flow_run_states_input!) {
    set_flow_run_states(input: $input) { states { id version status message } }
  }
`);

export const SetTaskRunStatesMutation = graphql(`
  mutation SetTaskRunStates($input: set_task_run_states_input!) {
    set_task_run_states(input: $input) { states { id version status } }
  }
`);

export const CancelFlowRunMutation = graphql(`
  mutation CancelFlowRun($input: cancel_flow_run_input!) {
    cancel_flow_run(input: $input) { state }
  }
`);

export const DeleteFlowRunMutation = graphql(`
  mutation DeleteFlowRun($input: flow_run_id_input!) {
    delete_flow_run(input: $input) { success error }
  }
`);

export const CancelFlowRunsMutation = graphql(`
  mutation CancelFlowRuns($input: flow_runs_where_input!) {
    cancel_flow_runs(input: $input) { ids count skipped { id state reason } }
  }
`);

export const DeleteFlowRunsMutation = graphql(`
  mutation DeleteFlowRuns($input: flow_runs_where_input!) {
    delete_flow_runs(input: $input) { ids count skipped { id state reason } }
  }
`);

export const SetFlowRunStatesByFilterMutation = graphql(`
  mutation SetFlowRunStatesByFilter($input: set_flow_run_states_by_filter_input!) {
    set_flow_run_states_by_filter(input: $input) { ids count skipped { id state reason } }
  }
`);

export const RestartFlowRunMutation = graphql(`
  mutation RestartFlowRun($input: restart_flow_run_input!) {
    restart_flow_run(input: $input) { id version task_run_ids }
  }
`);

export const ServerCheckQuery = graphql(`
  query ServerCheck {
    flow_run_aggregate { aggregate { count } }
  }
`);

export const SubscriptionSupportQuery = graphql(`
  query SubscriptionSupport {
    __schema { subscriptionType { name } }
  }
`);
