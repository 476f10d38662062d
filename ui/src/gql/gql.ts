/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Dashboard($window: flow_run_bool_exp!, $since: timestamptz!) {\n    scheduled: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"SCHEDULED\" } }] }) { aggregate { count } }\n    pending: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"PENDING\" } }] }) { aggregate { count } }\n    running: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"RUNNING\" } }] }) { aggregate { count } }\n    paused: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"PAUSED\" } }] }) { aggregate { count } }\n    cancelling: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"CANCELLING\" } }] }) { aggregate { count } }\n    completed: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"COMPLETED\" } }] }) { aggregate { count } }\n    failed: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"FAILED\" } }] }) { aggregate { count } }\n    cancelled: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"CANCELLED\" } }] }) { aggregate { count } }\n    crashed: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"CRASHED\" } }] }) { aggregate { count } }\n    late: flow_run_aggregate(where: { late: { _eq: true } }) { aggregate { count } }\n    in_progress: flow_run(\n      where: { state_type: { _in: [\"PENDING\", \"RUNNING\", \"CANCELLING\", \"PAUSED\"] } }\n      order_by: { state_timestamp: desc }\n      limit: 10\n    ) { id name state state_type start_time flow { id name } }\n    upcoming: flow_run(\n      where: { state_type: { _eq: \"SCHEDULED\" } }\n      order_by: { scheduled_start_time: asc }\n      limit: 10\n    ) { id name state state_type scheduled_start_time flow { id name } }\n    failures: flow_run(\n      where: { state_type: { _in: [\"FAILED\", \"CRASHED\"] }, state_timestamp: { _gte: $since } }\n      order_by: { state_timestamp: desc }\n      limit: 10\n    ) { id name state state_type state_message state_timestamp flow { id name } }\n    agent(order_by: { last_queried: desc_nulls_last }) { id name type labels last_queried }\n  }\n": typeof types.DashboardDocument,
    "\n  query RunHistory($since: timestamptz!, $limit: Int!) {\n    flow_run(\n      where: { end_time: { _gte: $since } }\n      order_by: { end_time: desc }\n      limit: $limit\n    ) { end_time state_type }\n  }\n": typeof types.RunHistoryDocument,
    "\n  query Flows($where: flow_bool_exp!) {\n    flow(where: $where, order_by: { name: asc }) {\n      id\n      name\n      version\n      labels\n      schedule\n      is_schedule_active\n      project { id name }\n      flow_runs(order_by: { scheduled_start_time: desc }, limit: 5) { id name state state_type }\n    }\n    project(order_by: { name: asc }) { id name }\n  }\n": typeof types.FlowsDocument,
    "\n  query Flow($id: uuid!) {\n    flow_by_pk(id: $id) {\n      id\n      name\n      version\n      archived\n      description\n      parameters\n      parameter_schema\n      labels\n      schedule\n      is_schedule_active\n      created\n      project { id name }\n      flow_group {\n        id\n        labels\n        default_parameters\n        flows(order_by: { version: desc }) { id version archived created }\n      }\n    }\n  }\n": typeof types.FlowDocument,
    "\n  query FlowRuns($where: flow_run_bool_exp!, $order_by: [flow_run_order_by!]!, $limit: Int!, $offset: Int!) {\n    flow_run(where: $where, order_by: $order_by, limit: $limit, offset: $offset) {\n      id\n      name\n      state\n      state_type\n      version\n      labels\n      scheduled_start_time\n      start_time\n      end_time\n      flow { id name project { id name } }\n    }\n  }\n": typeof types.FlowRunsDocument,
    "\n  query FlowRunsCount($where: flow_run_bool_exp!) {\n    flow_run_aggregate(where: $where) { aggregate { count } }\n  }\n": typeof types.FlowRunsCountDocument,
    "\n  query FilterChoices {\n    flow(where: { archived: { _eq: false } }, order_by: { name: asc }) { id name flow_group_id }\n    project(order_by: { name: asc }) { id name }\n  }\n": typeof types.FilterChoicesDocument,
    "\n  query FlowRun($id: uuid!) {\n    flow_run_by_pk(id: $id) {\n      id\n      name\n      state\n      state_type\n      state_message\n      version\n      parameters\n      context\n      labels\n      idempotency_key\n      scheduled_start_time\n      start_time\n      end_time\n      created\n      run_count\n      late\n      wait_reason\n      created_by\n      flow { id name version project { id name } }\n      states(order_by: { version: asc }) { id version state type message timestamp created_by }\n      task_runs(order_by: [{ start_time: asc_nulls_last }, { created: asc }]) {\n        id\n        name\n        map_index\n        state\n        state_type\n        state_message\n        version\n        start_time\n        end_time\n        task { id name slug }\n      }\n    }\n  }\n": typeof types.FlowRunDocument,
    "\n  query FlowRunLogs($where: log_bool_exp!, $limit: Int!) {\n    log(where: $where, order_by: [{ timestamp: asc }, { id: asc }], limit: $limit) {\n      id\n      timestamp\n      level\n      name\n      message\n      task_run_id\n    }\n  }\n": typeof types.FlowRunLogsDocument,
    "\n  mutation CreateFlowRun($input: create_flow_run_input!) {\n    create_flow_run(input: $input) { id }\n  }\n": typeof types.CreateFlowRunDocument,
    "\n  mutation SetFlowRunStates($input: set_flow_run_states_input!) {\n    set_flow_run_states(input: $input) { states { id version status message } }\n  }\n": typeof types.SetFlowRunStatesDocument,
    "\n  mutation SetTaskRunStates($input: set_task_run_states_input!) {\n    set_task_run_states(input: $input) { states { id version status } }\n  }\n": typeof types.SetTaskRunStatesDocument,
    "\n  mutation CancelFlowRun($input: cancel_flow_run_input!) {\n    cancel_flow_run(input: $input) { state }\n  }\n": typeof types.CancelFlowRunDocument,
    "\n  mutation DeleteFlowRun($input: flow_run_id_input!) {\n    delete_flow_run(input: $input) { success error }\n  }\n": typeof types.DeleteFlowRunDocument,
    "\n  mutation CancelFlowRuns($input: flow_runs_where_input!) {\n    cancel_flow_runs(input: $input) { ids count skipped { id state reason } }\n  }\n": typeof types.CancelFlowRunsDocument,
    "\n  mutation DeleteFlowRuns($input: flow_runs_where_input!) {\n    delete_flow_runs(input: $input) { ids count skipped { id state reason } }\n  }\n": typeof types.DeleteFlowRunsDocument,
    "\n  mutation SetFlowRunStatesByFilter($input: set_flow_run_states_by_filter_input!) {\n    set_flow_run_states_by_filter(input: $input) { ids count skipped { id state reason } }\n  }\n": typeof types.SetFlowRunStatesByFilterDocument,
    "\n  mutation RestartFlowRun($input: restart_flow_run_input!) {\n    restart_flow_run(input: $input) { id version task_run_ids }\n  }\n": typeof types.RestartFlowRunDocument,
    "\n  query ServerCheck {\n    flow_run_aggregate { aggregate { count } }\n  }\n": typeof types.ServerCheckDocument,
    "\n  query SubscriptionSupport {\n    __schema { subscriptionType { name } }\n  }\n": typeof types.SubscriptionSupportDocument,
};
const documents: Documents = {
    "\n  query Dashboard($window: flow_run_bool_exp!, $since: timestamptz!) {\n    scheduled: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"SCHEDULED\" } }] }) { aggregate { count } }\n    pending: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"PENDING\" } }] }) { aggregate { count } }\n    running: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"RUNNING\" } }] }) { aggregate { count } }\n    paused: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"PAUSED\" } }] }) { aggregate { count } }\n    cancelling: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"CANCELLING\" } }] }) { aggregate { count } }\n    completed: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"COMPLETED\" } }] }) { aggregate { count } }\n    failed: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"FAILED\" } }] }) { aggregate { count } }\n    cancelled: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"CANCELLED\" } }] }) { aggregate { count } }\n    crashed: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"CRASHED\" } }] }) { aggregate { count } }\n    late: flow_run_aggregate(where: { late: { _eq: true } }) { aggregate { count } }\n    in_progress: flow_run(\n      where: { state_type: { _in: [\"PENDING\", \"RUNNING\", \"CANCELLING\", \"PAUSED\"] } }\n      order_by: { state_timestamp: desc }\n      limit: 10\n    ) { id name state state_type start_time flow { id name } }\n    upcoming: flow_run(\n      where: { state_type: { _eq: \"SCHEDULED\" } }\n      order_by: { scheduled_start_time: asc }\n      limit: 10\n    ) { id name state state_type scheduled_start_time flow { id name } }\n    failures: flow_run(\n      where: { state_type: { _in: [\"FAILED\", \"CRASHED\"] }, state_timestamp: { _gte: $since } }\n      order_by: { state_timestamp: desc }\n      limit: 10\n    ) { id name state state_type state_message state_timestamp flow { id name } }\n    agent(order_by: { last_queried: desc_nulls_last }) { id name type labels last_queried }\n  }\n": types.DashboardDocument,
    "\n  query RunHistory($since: timestamptz!, $limit: Int!) {\n    flow_run(\n      where: { end_time: { _gte: $since } }\n      order_by: { end_time: desc }\n      limit: $limit\n    ) { end_time state_type }\n  }\n": types.RunHistoryDocument,
    "\n  query Flows($where: flow_bool_exp!) {\n    flow(where: $where, order_by: { name: asc }) {\n      id\n      name\n      version\n      labels\n      schedule\n      is_schedule_active\n      project { id name }\n      flow_runs(order_by: { scheduled_start_time: desc }, limit: 5) { id name state state_type }\n    }\n    project(order_by: { name: asc }) { id name }\n  }\n": types.FlowsDocument,
    "\n  query Flow($id: uuid!) {\n    flow_by_pk(id: $id) {\n      id\n      name\n      version\n      archived\n      description\n      parameters\n      parameter_schema\n      labels\n      schedule\n      is_schedule_active\n      created\n      project { id name }\n      flow_group {\n        id\n        labels\n        default_parameters\n        flows(order_by: { version: desc }) { id version archived created }\n      }\n    }\n  }\n": types.FlowDocument,
    "\n  query FlowRuns($where: flow_run_bool_exp!, $order_by: [flow_run_order_by!]!, $limit: Int!, $offset: Int!) {\n    flow_run(where: $where, order_by: $order_by, limit: $limit, offset: $offset) {\n      id\n      name\n      state\n      state_type\n      version\n      labels\n      scheduled_start_time\n      start_time\n      end_time\n      flow { id name project { id name } }\n    }\n  }\n": types.FlowRunsDocument,
    "\n  query FlowRunsCount($where: flow_run_bool_exp!) {\n    flow_run_aggregate(where: $where) { aggregate { count } }\n  }\n": types.FlowRunsCountDocument,
    "\n  query FilterChoices {\n    flow(where: { archived: { _eq: false } }, order_by: { name: asc }) { id name flow_group_id }\n    project(order_by: { name: asc }) { id name }\n  }\n": types.FilterChoicesDocument,
    "\n  query FlowRun($id: uuid!) {\n    flow_run_by_pk(id: $id) {\n      id\n      name\n      state\n      state_type\n      state_message\n      version\n      parameters\n      context\n      labels\n      idempotency_key\n      scheduled_start_time\n      start_time\n      end_time\n      created\n      run_count\n      late\n      wait_reason\n      created_by\n      flow { id name version project { id name } }\n      states(order_by: { version: asc }) { id version state type message timestamp created_by }\n      task_runs(order_by: [{ start_time: asc_nulls_last }, { created: asc }]) {\n        id\n        name\n        map_index\n        state\n        state_type\n        state_message\n        version\n        start_time\n        end_time\n        task { id name slug }\n      }\n    }\n  }\n": types.FlowRunDocument,
    "\n  query FlowRunLogs($where: log_bool_exp!, $limit: Int!) {\n    log(where: $where, order_by: [{ timestamp: asc }, { id: asc }], limit: $limit) {\n      id\n      timestamp\n      level\n      name\n      message\n      task_run_id\n    }\n  }\n": types.FlowRunLogsDocument,
    "\n  mutation CreateFlowRun($input: create_flow_run_input!) {\n    create_flow_run(input: $input) { id }\n  }\n": types.CreateFlowRunDocument,
    "\n  mutation SetFlowRunStates($input: set_flow_run_states_input!) {\n    set_flow_run_states(input: $input) { states { id version status message } }\n  }\n": types.SetFlowRunStatesDocument,
    "\n  mutation SetTaskRunStates($input: set_task_run_states_input!) {\n    set_task_run_states(input: $input) { states { id version status } }\n  }\n": types.SetTaskRunStatesDocument,
    "\n  mutation CancelFlowRun($input: cancel_flow_run_input!) {\n    cancel_flow_run(input: $input) { state }\n  }\n": types.CancelFlowRunDocument,
    "\n  mutation DeleteFlowRun($input: flow_run_id_input!) {\n    delete_flow_run(input: $input) { success error }\n  }\n": types.DeleteFlowRunDocument,
    "\n  mutation CancelFlowRuns($input: flow_runs_where_input!) {\n    cancel_flow_runs(input: $input) { ids count skipped { id state reason } }\n  }\n": types.CancelFlowRunsDocument,
    "\n  mutation DeleteFlowRuns($input: flow_runs_where_input!) {\n    delete_flow_runs(input: $input) { ids count skipped { id state reason } }\n  }\n": types.DeleteFlowRunsDocument,
    "\n  mutation SetFlowRunStatesByFilter($input: set_flow_run_states_by_filter_input!) {\n    set_flow_run_states_by_filter(input: $input) { ids count skipped { id state reason } }\n  }\n": types.SetFlowRunStatesByFilterDocument,
    "\n  mutation RestartFlowRun($input: restart_flow_run_input!) {\n    restart_flow_run(input: $input) { id version task_run_ids }\n  }\n": types.RestartFlowRunDocument,
    "\n  query ServerCheck {\n    flow_run_aggregate { aggregate { count } }\n  }\n": types.ServerCheckDocument,
    "\n  query SubscriptionSupport {\n    __schema { subscriptionType { name } }\n  }\n": types.SubscriptionSupportDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($window: flow_run_bool_exp!, $since: timestamptz!) {\n    scheduled: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"SCHEDULED\" } }] }) { aggregate { count } }\n    pending: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"PENDING\" } }] }) { aggregate { count } }\n    running: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"RUNNING\" } }] }) { aggregate { count } }\n    paused: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"PAUSED\" } }] }) { aggregate { count } }\n    cancelling: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"CANCELLING\" } }] }) { aggregate { count } }\n    completed: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"COMPLETED\" } }] }) { aggregate { count } }\n    failed: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"FAILED\" } }] }) { aggregate { count } }\n    cancelled: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"CANCELLED\" } }] }) { aggregate { count } }\n    crashed: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"CRASHED\" } }] }) { aggregate { count } }\n    late: flow_run_aggregate(where: { late: { _eq: true } }) { aggregate { count } }\n    in_progress: flow_run(\n      where: { state_type: { _in: [\"PENDING\", \"RUNNING\", \"CANCELLING\", \"PAUSED\"] } }\n      order_by: { state_timestamp: desc }\n      limit: 10\n    ) { id name state state_type start_time flow { id name } }\n    upcoming: flow_run(\n      where: { state_type: { _eq: \"SCHEDULED\" } }\n      order_by: { scheduled_start_time: asc }\n      limit: 10\n    ) { id name state state_type scheduled_start_time flow { id name } }\n    failures: flow_run(\n      where: { state_type: { _in: [\"FAILED\", \"CRASHED\"] }, state_timestamp: { _gte: $since } }\n      order_by: { state_timestamp: desc }\n      limit: 10\n    ) { id name state state_type state_message state_timestamp flow { id name } }\n    agent(order_by: { last_queried: desc_nulls_last }) { id name type labels last_queried }\n  }\n"): (typeof documents)["\n  query Dashboard($window: flow_run_bool_exp!, $since: timestamptz!) {\n    scheduled: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"SCHEDULED\" } }] }) { aggregate { count } }\n    pending: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"PENDING\" } }] }) { aggregate { count } }\n    running: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"RUNNING\" } }] }) { aggregate { count } }\n    paused: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"PAUSED\" } }] }) { aggregate { count } }\n    cancelling: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"CANCELLING\" } }] }) { aggregate { count } }\n    completed: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"COMPLETED\" } }] }) { aggregate { count } }\n    failed: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"FAILED\" } }] }) { aggregate { count } }\n    cancelled: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"CANCELLED\" } }] }) { aggregate { count } }\n    crashed: flow_run_aggregate(where: { _and: [$window, { state_type: { _eq: \"CRASHED\" } }] }) { aggregate { count } }\n    late: flow_run_aggregate(where: { late: { _eq: true } }) { aggregate { count } }\n    in_progress: flow_run(\n      where: { state_type: { _in: [\"PENDING\", \"RUNNING\", \"CANCELLING\", \"PAUSED\"] } }\n      order_by: { state_timestamp: desc }\n      limit: 10\n    ) { id name state state_type start_time flow { id name } }\n    upcoming: flow_run(\n      where: { state_type: { _eq: \"SCHEDULED\" } }\n      order_by: { scheduled_start_time: asc }\n      limit: 10\n    ) { id name state state_type scheduled_start_time flow { id name } }\n    failures: flow_run(\n      where: { state_type: { _in: [\"FAILED\", \"CRASHED\"] }, state_timestamp: { _gte: $since } }\n      order_by: { state_timestamp: desc }\n      limit: 10\n    ) { id name state state_type state_message state_timestamp flow { id name } }\n    agent(order_by: { last_queried: desc_nulls_last }) { id name type labels last_queried }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunHistory($since: timestamptz!, $limit: Int!) {\n    flow_run(\n      where: { end_time: { _gte: $since } }\n      order_by: { end_time: desc }\n      limit: $limit\n    ) { end_time state_type }\n  }\n"): (typeof documents)["\n  query RunHistory($since: timestamptz!, $limit: Int!) {\n    flow_run(\n      where: { end_time: { _gte: $since } }\n      order_by: { end_time: desc }\n      limit: $limit\n    ) { end_time state_type }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Flows($where: flow_bool_exp!) {\n    flow(where: $where, order_by: { name: asc }) {\n      id\n      name\n      version\n      labels\n      schedule\n      is_schedule_active\n      project { id name }\n      flow_runs(order_by: { scheduled_start_time: desc }, limit: 5) { id name state state_type }\n    }\n    project(order_by: { name: asc }) { id name }\n  }\n"): (typeof documents)["\n  query Flows($where: flow_bool_exp!) {\n    flow(where: $where, order_by: { name: asc }) {\n      id\n      name\n      version\n      labels\n      schedule\n      is_schedule_active\n      project { id name }\n      flow_runs(order_by: { scheduled_start_time: desc }, limit: 5) { id name state state_type }\n    }\n    project(order_by: { name: asc }) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Flow($id: uuid!) {\n    flow_by_pk(id: $id) {\n      id\n      name\n      version\n      archived\n      description\n      parameters\n      parameter_schema\n      labels\n      schedule\n      is_schedule_active\n      created\n      project { id name }\n      flow_group {\n        id\n        labels\n        default_parameters\n        flows(order_by: { version: desc }) { id version archived created }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Flow($id: uuid!) {\n    flow_by_pk(id: $id) {\n      id\n      name\n      version\n      archived\n      description\n      parameters\n      parameter_schema\n      labels\n      schedule\n      is_schedule_active\n      created\n      project { id name }\n      flow_group {\n        id\n        labels\n        default_parameters\n        flows(order_by: { version: desc }) { id version archived created }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowRuns($where: flow_run_bool_exp!, $order_by: [flow_run_order_by!]!, $limit: Int!, $offset: Int!) {\n    flow_run(where: $where, order_by: $order_by, limit: $limit, offset: $offset) {\n      id\n      name\n      state\n      state_type\n      version\n      labels\n      scheduled_start_time\n      start_time\n      end_time\n      flow { id name project { id name } }\n    }\n  }\n"): (typeof documents)["\n  query FlowRuns($where: flow_run_bool_exp!, $order_by: [flow_run_order_by!]!, $limit: Int!, $offset: Int!) {\n    flow_run(where: $where, order_by: $order_by, limit: $limit, offset: $offset) {\n      id\n      name\n      state\n      state_type\n      version\n      labels\n      scheduled_start_time\n      start_time\n      end_time\n      flow { id name project { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowRunsCount($where: flow_run_bool_exp!) {\n    flow_run_aggregate(where: $where) { aggregate { count } }\n  }\n"): (typeof documents)["\n  query FlowRunsCount($where: flow_run_bool_exp!) {\n    flow_run_aggregate(where: $where) { aggregate { count } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilterChoices {\n    flow(where: { archived: { _eq: false } }, order_by: { name: asc }) { id name flow_group_id }\n    project(order_by: { name: asc }) { id name }\n  }\n"): (typeof documents)["\n  query FilterChoices {\n    flow(where: { archived: { _eq: false } }, order_by: { name: asc }) { id name flow_group_id }\n    project(order_by: { name: asc }) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowRun($id: uuid!) {\n    flow_run_by_pk(id: $id) {\n      id\n      name\n      state\n      state_type\n      state_message\n      version\n      parameters\n      context\n      labels\n      idempotency_key\n      scheduled_start_time\n      start_time\n      end_time\n      created\n      run_count\n      late\n      wait_reason\n      created_by\n      flow { id name version project { id name } }\n      states(order_by: { version: asc }) { id version state type message timestamp created_by }\n      task_runs(order_by: [{ start_time: asc_nulls_last }, { created: asc }]) {\n        id\n        name\n        map_index\n        state\n        state_type\n        state_message\n        version\n        start_time\n        end_time\n        task { id name slug }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FlowRun($id: uuid!) {\n    flow_run_by_pk(id: $id) {\n      id\n      name\n      state\n      state_type\n      state_message\n      version\n      parameters\n      context\n      labels\n      idempotency_key\n      scheduled_start_time\n      start_time\n      end_time\n      created\n      run_count\n      late\n      wait_reason\n      created_by\n      flow { id name version project { id name } }\n      states(order_by: { version: asc }) { id version state type message timestamp created_by }\n      task_runs(order_by: [{ start_time: asc_nulls_last }, { created: asc }]) {\n        id\n        name\n        map_index\n        state\n        state_type\n        state_message\n        version\n        start_time\n        end_time\n        task { id name slug }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowRunLogs($where: log_bool_exp!, $limit: Int!) {\n    log(where: $where, order_by: [{ timestamp: asc }, { id: asc }], limit: $limit) {\n      id\n      timestamp\n      level\n      name\n      message\n      task_run_id\n    }\n  }\n"): (typeof documents)["\n  query FlowRunLogs($where: log_bool_exp!, $limit: Int!) {\n    log(where: $where, order_by: [{ timestamp: asc }, { id: asc }], limit: $limit) {\n      id\n      timestamp\n      level\n      name\n      message\n      task_run_id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFlowRun($input: create_flow_run_input!) {\n    create_flow_run(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation CreateFlowRun($input: create_flow_run_input!) {\n    create_flow_run(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFlowRunStates($input: set_flow_run_states_input!) {\n    set_flow_run_states(input: $input) { states { id version status message } }\n  }\n"): (typeof documents)["\n  mutation SetFlowRunStates($input: set_flow_run_states_input!) {\n    set_flow_run_states(input: $input) { states { id version status message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTaskRunStates($input: set_task_run_states_input!) {\n    set_task_run_states(input: $input) { states { id version status } }\n  }\n"): (typeof documents)["\n  mutation SetTaskRunStates($input: set_task_run_states_input!) {\n    set_task_run_states(input: $input) { states { id version status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelFlowRun($input: cancel_flow_run_input!) {\n    cancel_flow_run(input: $input) { state }\n  }\n"): (typeof documents)["\n  mutation CancelFlowRun($input: cancel_flow_run_input!) {\n    cancel_flow_run(input: $input) { state }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteFlowRun($input: flow_run_id_input!) {\n    delete_flow_run(input: $input) { success error }\n  }\n"): (typeof documents)["\n  mutation DeleteFlowRun($input: flow_run_id_input!) {\n    delete_flow_run(input: $input) { success error }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelFlowRuns($input: flow_runs_where_input!) {\n    cancel_flow_runs(input: $input) { ids count skipped { id state reason } }\n  }\n"): (typeof documents)["\n  mutation CancelFlowRuns($input: flow_runs_where_input!) {\n    cancel_flow_runs(input: $input) { ids count skipped { id state reason } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteFlowRuns($input: flow_runs_where_input!) {\n    delete_flow_runs(input: $input) { ids count skipped { id state reason } }\n  }\n"): (typeof documents)["\n  mutation DeleteFlowRuns($input: flow_runs_where_input!) {\n    delete_flow_runs(input: $input) { ids count skipped { id state reason } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFlowRunStatesByFilter($input: set_flow_run_states_by_filter_input!) {\n    set_flow_run_states_by_filter(input: $input) { ids count skipped { id state reason } }\n  }\n"): (typeof documents)["\n  mutation SetFlowRunStatesByFilter($input: set_flow_run_states_by_filter_input!) {\n    set_flow_run_states_by_filter(input: $input) { ids count skipped { id state reason } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestartFlowRun($input: restart_flow_run_input!) {\n    restart_flow_run(input: $input) { id version task_run_ids }\n  }\n"): (typeof documents)["\n  mutation RestartFlowRun($input: restart_flow_run_input!) {\n    restart_flow_run(input: $input) { id version task_run_ids }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServerCheck {\n    flow_run_aggregate { aggregate { count } }\n  }\n"): (typeof documents)["\n  query ServerCheck {\n    flow_run_aggregate { aggregate { count } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubscriptionSupport {\n    __schema { subscriptionType { name } }\n  }\n"): (typeof documents)["\n  query SubscriptionSupport {\n    __schema { subscriptionType { name } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;