/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** ISO 8601 with an offset, or 'YYYY-MM-DD HH:MM:SS' read as UTC */
  DateTime: { input: string; output: string; }
  /** Any JSON value; object fields also accept a string holding JSON */
  JSON: { input: unknown; output: unknown; }
  UUID: { input: string; output: string; }
  jsonb: { input: unknown; output: unknown; }
  timestamptz: { input: string; output: string; }
  uuid: { input: string; output: string; }
};

export type Boolean_Comparison_Exp = {
  _eq?: InputMaybe<Scalars['Boolean']['input']>;
  _gt?: InputMaybe<Scalars['Boolean']['input']>;
  _gte?: InputMaybe<Scalars['Boolean']['input']>;
  _in?: InputMaybe<Array<Scalars['Boolean']['input']>>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  _lt?: InputMaybe<Scalars['Boolean']['input']>;
  _lte?: InputMaybe<Scalars['Boolean']['input']>;
  _neq?: InputMaybe<Scalars['Boolean']['input']>;
  _nin?: InputMaybe<Array<Scalars['Boolean']['input']>>;
};

export type Int_Comparison_Exp = {
  _eq?: InputMaybe<Scalars['Int']['input']>;
  _gt?: InputMaybe<Scalars['Int']['input']>;
  _gte?: InputMaybe<Scalars['Int']['input']>;
  _in?: InputMaybe<Array<Scalars['Int']['input']>>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  _lt?: InputMaybe<Scalars['Int']['input']>;
  _lte?: InputMaybe<Scalars['Int']['input']>;
  _neq?: InputMaybe<Scalars['Int']['input']>;
  _nin?: InputMaybe<Array<Scalars['Int']['input']>>;
};

export type Mutation = {
  archive_flow: Success_Payload;
  cancel_flow_run: Cancel_Flow_Run_Payload;
  /** Cancel every run the filter matches (running ones go to Cancelling); finished runs are skipped */
  cancel_flow_runs: Flow_Runs_Action_Payload;
  /** Atomically move up to `limit` due runs from Scheduled to Submitted for this agent; no two agents get one run */
  claim_flow_runs: Claim_Flow_Runs_Payload;
  /** Create an API key (admin); the answer holds it once */
  create_api_key: Create_Api_Key_Payload;
  /** Create a deployment: a named, reusable way to run a flow group (give flow_group_id, or flow_id for its group) */
  create_deployment: Deployment_Id_Payload;
  /** Register a flow; a new version archives the older ones */
  create_flow: Flow_Id_Payload;
  /** Register a flow sent as Prefect 1's compressed string */
  create_flow_from_compressed_string: Flow_Id_Payload;
  /** Create a run of a flow, or of a flow group's unique unarchived flow */
  create_flow_run: Flow_Run_Id_Payload;
  create_project: Project_Id_Payload;
  /** flowrun serves one tenant: returns its id */
  create_tenant: Tenant_Id_Payload;
  /** Delete a deployment; its runs stay */
  delete_deployment: Success_Payload;
  delete_flow: Success_Payload;
  /** Remove a label's concurrency limit */
  delete_flow_concurrency_limit: Success_Payload;
  /** Remove a flow group's schedule */
  delete_flow_group_schedule: Flow_Group_Schedule_Payload;
  delete_flow_run: Success_Payload;
  /** Delete every run the filter matches, with its states, task runs and logs */
  delete_flow_runs: Flow_Runs_Action_Payload;
  delete_project: Success_Payload;
  /** Remove a task tag limit */
  delete_task_tag_limit: Success_Payload;
  /** The task run of a task in a flow run (at a map index), created Pending if it does not exist yet */
  get_or_create_task_run_info: Get_Or_Create_Task_Run_Info_Payload;
  /** Ids of Scheduled runs that are due and whose labels are all among the given (or the agent's) labels */
  get_runs_in_queue: Runs_In_Queue_Payload;
  /** Register an agent; returns its id */
  register_agent: Agent_Id_Payload;
  /** Add serialized edges between a flow's tasks (by slug) */
  register_edges: Success_Payload;
  /** Add serialized tasks to a flow (a known slug is kept) */
  register_tasks: Success_Payload;
  /** Send a Failed, Cancelled or Crashed run back to Scheduled and its failed task runs to Pending */
  restart_flow_run: Restart_Flow_Run_Payload;
  /** Revoke an API key (admin): every door refuses it now */
  revoke_api_key: Success_Payload;
  /** Limit how many flow runs with a label run at once (settled when agents claim runs) */
  set_flow_concurrency_limit: Flow_Concurrency_Limit_Info;
  set_flow_group_default_parameters: Success_Payload;
  set_flow_group_labels: Success_Payload;
  /** Set a flow group's schedule (several clocks) without registering again, and turn it on */
  set_flow_group_schedule: Flow_Group_Schedule_Payload;
  /** Pause (active: false) or resume a flow group's schedule */
  set_flow_group_schedule_active: Flow_Group_Schedule_Payload;
  /** Skip (cancel, saying why) a flow group's runs that are more than after_seconds late */
  set_flow_group_skip_late_runs: Success_Payload;
  set_flow_run_labels: Success_Payload;
  set_flow_run_name: Success_Payload;
  /** Set a run's state; a version must match the current one */
  set_flow_run_state: Set_Flow_Run_State_Payload;
  /** Set several runs' states at once: all or nothing */
  set_flow_run_states: Set_Flow_Run_States_Payload;
  /** Set the state of every run the filter matches */
  set_flow_run_states_by_filter: Flow_Runs_Action_Payload;
  /** Turn a flow's schedule on (a flow without one stays off) */
  set_schedule_active: Success_Payload;
  /** Turn a flow's schedule off */
  set_schedule_inactive: Success_Payload;
  set_task_run_name: Success_Payload;
  /** Set task runs' states, all or nothing; a given version must match the current one. A task run whose tag is at its limit does not start: its status is QUEUED */
  set_task_run_states: Set_Task_Run_States_Payload;
  unarchive_flow: Success_Payload;
  /** Record that an agent is alive (sets its last_queried) */
  update_agent_heartbeat: Success_Payload;
  /** Record that the process running a flow run is alive */
  update_flow_run_heartbeat: Success_Payload;
  /** Limit how many task runs with a tag run at once (Prefect Cloud v1's task tag limits) */
  update_task_tag_limit: Update_Task_Tag_Limit_Payload;
  /** Write a batch of run logs (levels are stored upper-case) */
  write_run_logs: Success_Payload;
};


export type MutationArchive_FlowArgs = {
  input: Flow_Id_Input;
};


export type MutationCancel_Flow_RunArgs = {
  input: Cancel_Flow_Run_Input;
};


export type MutationCancel_Flow_RunsArgs = {
  input: Flow_Runs_Where_Input;
};


export type MutationClaim_Flow_RunsArgs = {
  input: Claim_Flow_Runs_Input;
};


export type MutationCreate_Api_KeyArgs = {
  input: Create_Api_Key_Input;
};


export type MutationCreate_DeploymentArgs = {
  input: Create_Deployment_Input;
};


export type MutationCreate_FlowArgs = {
  input: Create_Flow_Input;
};


export type MutationCreate_Flow_From_Compressed_StringArgs = {
  input: Create_Flow_From_Compressed_String_Input;
};


export type MutationCreate_Flow_RunArgs = {
  input: Create_Flow_Run_Input;
};


export type MutationCreate_ProjectArgs = {
  input: Create_Project_Input;
};


export type MutationCreate_TenantArgs = {
  input: Create_Tenant_Input;
};


export type MutationDelete_DeploymentArgs = {
  input: Deployment_Id_Input;
};


export type MutationDelete_FlowArgs = {
  input: Flow_Id_Input;
};


export type MutationDelete_Flow_Concurrency_LimitArgs = {
  input: Delete_Flow_Concurrency_Limit_Input;
};


export type MutationDelete_Flow_Group_ScheduleArgs = {
  input: Delete_Flow_Group_Schedule_Input;
};


export type MutationDelete_Flow_RunArgs = {
  input: Flow_Run_Id_Input;
};


export type MutationDelete_Flow_RunsArgs = {
  input: Flow_Runs_Where_Input;
};


export type MutationDelete_ProjectArgs = {
  input: Delete_Project_Input;
};


export type MutationDelete_Task_Tag_LimitArgs = {
  input: Delete_Task_Tag_Limit_Input;
};


export type MutationGet_Or_Create_Task_Run_InfoArgs = {
  input: Get_Or_Create_Task_Run_Info_Input;
};


export type MutationGet_Runs_In_QueueArgs = {
  input: Get_Runs_In_Queue_Input;
};


export type MutationRegister_AgentArgs = {
  input: Register_Agent_Input;
};


export type MutationRegister_EdgesArgs = {
  input: Register_Edges_Input;
};


export type MutationRegister_TasksArgs = {
  input: Register_Tasks_Input;
};


export type MutationRestart_Flow_RunArgs = {
  input: Restart_Flow_Run_Input;
};


export type MutationRevoke_Api_KeyArgs = {
  input: Revoke_Api_Key_Input;
};


export type MutationSet_Flow_Concurrency_LimitArgs = {
  input: Set_Flow_Concurrency_Limit_Input;
};


export type MutationSet_Flow_Group_Default_ParametersArgs = {
  input: Set_Flow_Group_Default_Parameters_Input;
};


export type MutationSet_Flow_Group_LabelsArgs = {
  input: Set_Flow_Group_Labels_Input;
};


export type MutationSet_Flow_Group_ScheduleArgs = {
  input: Set_Flow_Group_Schedule_Input;
};


export type MutationSet_Flow_Group_Schedule_ActiveArgs = {
  input: Set_Flow_Group_Schedule_Active_Input;
};


export type MutationSet_Flow_Group_Skip_Late_RunsArgs = {
  input: Set_Flow_Group_Skip_Late_Runs_Input;
};


export type MutationSet_Flow_Run_LabelsArgs = {
  input: Set_Flow_Run_Labels_Input;
};


export type MutationSet_Flow_Run_NameArgs = {
  input: Set_Flow_Run_Name_Input;
};


export type MutationSet_Flow_Run_StateArgs = {
  input: Set_Flow_Run_State_Input;
};


export type MutationSet_Flow_Run_StatesArgs = {
  input: Set_Flow_Run_States_Input;
};


export type MutationSet_Flow_Run_States_By_FilterArgs = {
  input: Set_Flow_Run_States_By_Filter_Input;
};


export type MutationSet_Schedule_ActiveArgs = {
  input: Set_Schedule_Active_Input;
};


export type MutationSet_Schedule_InactiveArgs = {
  input: Set_Schedule_Inactive_Input;
};


export type MutationSet_Task_Run_NameArgs = {
  input: Set_Task_Run_Name_Input;
};


export type MutationSet_Task_Run_StatesArgs = {
  input: Set_Task_Run_States_Input;
};


export type MutationUnarchive_FlowArgs = {
  input: Flow_Id_Input;
};


export type MutationUpdate_Agent_HeartbeatArgs = {
  input: Update_Agent_Heartbeat_Input;
};


export type MutationUpdate_Flow_Run_HeartbeatArgs = {
  input: Update_Flow_Run_Heartbeat_Input;
};


export type MutationUpdate_Task_Tag_LimitArgs = {
  input: Update_Task_Tag_Limit_Input;
};


export type MutationWrite_Run_LogsArgs = {
  input: Write_Run_Logs_Input;
};

export type Query = {
  /** Fetch agent rows */
  agent: Array<Agent>;
  /** Count agent rows */
  agent_aggregate: Agent_Aggregate;
  /** Fetch one agent by id */
  agent_by_pk?: Maybe<Agent>;
  /** Every API key (admin): never the key or its hash */
  api_keys: Array<Api_Key_Info>;
  /** Fetch deployment rows */
  deployment: Array<Deployment>;
  /** Count deployment rows */
  deployment_aggregate: Deployment_Aggregate;
  /** Fetch one deployment by id */
  deployment_by_pk?: Maybe<Deployment>;
  /** Fetch edge rows */
  edge: Array<Edge>;
  /** Count edge rows */
  edge_aggregate: Edge_Aggregate;
  /** Fetch one edge by id */
  edge_by_pk?: Maybe<Edge>;
  /** Fetch flow rows */
  flow: Array<Flow>;
  /** Count flow rows */
  flow_aggregate: Flow_Aggregate;
  /** Fetch one flow by id */
  flow_by_pk?: Maybe<Flow>;
  /** Fetch flow_concurrency_limit rows */
  flow_concurrency_limit: Array<Flow_Concurrency_Limit>;
  /** Count flow_concurrency_limit rows */
  flow_concurrency_limit_aggregate: Flow_Concurrency_Limit_Aggregate;
  /** Fetch one flow_concurrency_limit by id */
  flow_concurrency_limit_by_pk?: Maybe<Flow_Concurrency_Limit>;
  /** Every flow-run concurrency limit with its slots in use */
  flow_concurrency_limits: Array<Flow_Concurrency_Limit_Info>;
  /** Fetch flow_group rows */
  flow_group: Array<Flow_Group>;
  /** Count flow_group rows */
  flow_group_aggregate: Flow_Group_Aggregate;
  /** Fetch one flow_group by id */
  flow_group_by_pk?: Maybe<Flow_Group>;
  /** Fetch flow_run rows */
  flow_run: Array<Flow_Run>;
  /** Count flow_run rows */
  flow_run_aggregate: Flow_Run_Aggregate;
  /** Fetch one flow_run by id */
  flow_run_by_pk?: Maybe<Flow_Run>;
  /** Fetch flow_run_state rows */
  flow_run_state: Array<Flow_Run_State>;
  /** Count flow_run_state rows */
  flow_run_state_aggregate: Flow_Run_State_Aggregate;
  /** Fetch one flow_run_state by id */
  flow_run_state_by_pk?: Maybe<Flow_Run_State>;
  /** One task run by id (Prefect 1's Client.get_task_run_state) */
  get_task_run_info?: Maybe<Task_Run>;
  /** A greeting: Prefect 1 agents send `query { hello }` to check their connection */
  hello: Scalars['String']['output'];
  /** Fetch log rows */
  log: Array<Log>;
  /** Count log rows */
  log_aggregate: Log_Aggregate;
  /** Fetch one log by id */
  log_by_pk?: Maybe<Log>;
  /** Fetch project rows */
  project: Array<Project>;
  /** Count project rows */
  project_aggregate: Project_Aggregate;
  /** Fetch one project by id */
  project_by_pk?: Maybe<Project>;
  /** Fetch task rows */
  task: Array<Task>;
  /** Count task rows */
  task_aggregate: Task_Aggregate;
  /** Fetch one task by id */
  task_by_pk?: Maybe<Task>;
  /** Fetch task_run rows */
  task_run: Array<Task_Run>;
  /** Count task_run rows */
  task_run_aggregate: Task_Run_Aggregate;
  /** Fetch one task_run by id */
  task_run_by_pk?: Maybe<Task_Run>;
  /** Fetch task_run_state rows */
  task_run_state: Array<Task_Run_State>;
  /** Count task_run_state rows */
  task_run_state_aggregate: Task_Run_State_Aggregate;
  /** Fetch one task_run_state by id */
  task_run_state_by_pk?: Maybe<Task_Run_State>;
  /** Fetch task_tag_limit rows */
  task_tag_limit: Array<Task_Tag_Limit>;
  /** Count task_tag_limit rows */
  task_tag_limit_aggregate: Task_Tag_Limit_Aggregate;
  /** Fetch one task_tag_limit by id */
  task_tag_limit_by_pk?: Maybe<Task_Tag_Limit>;
  /** Fetch tenant rows */
  tenant: Array<Tenant>;
  /** Count tenant rows */
  tenant_aggregate: Tenant_Aggregate;
  /** Fetch one tenant by id */
  tenant_by_pk?: Maybe<Tenant>;
};


export type QueryAgentArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Agent_Order_By>>;
  where?: InputMaybe<Agent_Bool_Exp>;
};


export type QueryAgent_AggregateArgs = {
  where?: InputMaybe<Agent_Bool_Exp>;
};


export type QueryAgent_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type QueryDeploymentArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Deployment_Order_By>>;
  where?: InputMaybe<Deployment_Bool_Exp>;
};


export type QueryDeployment_AggregateArgs = {
  where?: InputMaybe<Deployment_Bool_Exp>;
};


export type QueryDeployment_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type QueryEdgeArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Edge_Order_By>>;
  where?: InputMaybe<Edge_Bool_Exp>;
};


export type QueryEdge_AggregateArgs = {
  where?: InputMaybe<Edge_Bool_Exp>;
};


export type QueryEdge_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type QueryFlowArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Flow_Order_By>>;
  where?: InputMaybe<Flow_Bool_Exp>;
};


export type QueryFlow_AggregateArgs = {
  where?: InputMaybe<Flow_Bool_Exp>;
};


export type QueryFlow_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type QueryFlow_Concurrency_LimitArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Flow_Concurrency_Limit_Order_By>>;
  where?: InputMaybe<Flow_Concurrency_Limit_Bool_Exp>;
};


export type QueryFlow_Concurrency_Limit_AggregateArgs = {
  where?: InputMaybe<Flow_Concurrency_Limit_Bool_Exp>;
};


export type QueryFlow_Concurrency_Limit_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type QueryFlow_GroupArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Flow_Group_Order_By>>;
  where?: InputMaybe<Flow_Group_Bool_Exp>;
};


export type QueryFlow_Group_AggregateArgs = {
  where?: InputMaybe<Flow_Group_Bool_Exp>;
};


export type QueryFlow_Group_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type QueryFlow_RunArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Flow_Run_Order_By>>;
  where?: InputMaybe<Flow_Run_Bool_Exp>;
};


export type QueryFlow_Run_AggregateArgs = {
  where?: InputMaybe<Flow_Run_Bool_Exp>;
};


export type QueryFlow_Run_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type QueryFlow_Run_StateArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Flow_Run_State_Order_By>>;
  where?: InputMaybe<Flow_Run_State_Bool_Exp>;
};


export type QueryFlow_Run_State_AggregateArgs = {
  where?: InputMaybe<Flow_Run_State_Bool_Exp>;
};


export type QueryFlow_Run_State_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type QueryGet_Task_Run_InfoArgs = {
  task_run_id: Scalars['UUID']['input'];
};


export type QueryLogArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Log_Order_By>>;
  where?: InputMaybe<Log_Bool_Exp>;
};


export type QueryLog_AggregateArgs = {
  where?: InputMaybe<Log_Bool_Exp>;
};


export type QueryLog_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type QueryProjectArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Project_Order_By>>;
  where?: InputMaybe<Project_Bool_Exp>;
};


export type QueryProject_AggregateArgs = {
  where?: InputMaybe<Project_Bool_Exp>;
};


export type QueryProject_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type QueryTaskArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Task_Order_By>>;
  where?: InputMaybe<Task_Bool_Exp>;
};


export type QueryTask_AggregateArgs = {
  where?: InputMaybe<Task_Bool_Exp>;
};


export type QueryTask_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type QueryTask_RunArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Task_Run_Order_By>>;
  where?: InputMaybe<Task_Run_Bool_Exp>;
};


export type QueryTask_Run_AggregateArgs = {
  where?: InputMaybe<Task_Run_Bool_Exp>;
};


export type QueryTask_Run_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type QueryTask_Run_StateArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Task_Run_State_Order_By>>;
  where?: InputMaybe<Task_Run_State_Bool_Exp>;
};


export type QueryTask_Run_State_AggregateArgs = {
  where?: InputMaybe<Task_Run_State_Bool_Exp>;
};


export type QueryTask_Run_State_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type QueryTask_Tag_LimitArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Task_Tag_Limit_Order_By>>;
  where?: InputMaybe<Task_Tag_Limit_Bool_Exp>;
};


export type QueryTask_Tag_Limit_AggregateArgs = {
  where?: InputMaybe<Task_Tag_Limit_Bool_Exp>;
};


export type QueryTask_Tag_Limit_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type QueryTenantArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Tenant_Order_By>>;
  where?: InputMaybe<Tenant_Bool_Exp>;
};


export type QueryTenant_AggregateArgs = {
  where?: InputMaybe<Tenant_Bool_Exp>;
};


export type QueryTenant_By_PkArgs = {
  id: Scalars['uuid']['input'];
};

export type String_Comparison_Exp = {
  _eq?: InputMaybe<Scalars['String']['input']>;
  _gt?: InputMaybe<Scalars['String']['input']>;
  _gte?: InputMaybe<Scalars['String']['input']>;
  _ilike?: InputMaybe<Scalars['String']['input']>;
  _in?: InputMaybe<Array<Scalars['String']['input']>>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  _like?: InputMaybe<Scalars['String']['input']>;
  _lt?: InputMaybe<Scalars['String']['input']>;
  _lte?: InputMaybe<Scalars['String']['input']>;
  _neq?: InputMaybe<Scalars['String']['input']>;
  _nilike?: InputMaybe<Scalars['String']['input']>;
  _nin?: InputMaybe<Array<Scalars['String']['input']>>;
  _nlike?: InputMaybe<Scalars['String']['input']>;
};

export type Subscription = {
  /** Live: Fetch agent rows, sent again on change */
  agent: Array<Agent>;
  /** Live: Count agent rows, sent again on change */
  agent_aggregate: Agent_Aggregate;
  /** Live: Fetch one agent by id, sent again on change */
  agent_by_pk?: Maybe<Agent>;
  /** Live: Every API key (admin): never the key or its hash, sent again on change */
  api_keys: Array<Api_Key_Info>;
  /** Live: Fetch deployment rows, sent again on change */
  deployment: Array<Deployment>;
  /** Live: Count deployment rows, sent again on change */
  deployment_aggregate: Deployment_Aggregate;
  /** Live: Fetch one deployment by id, sent again on change */
  deployment_by_pk?: Maybe<Deployment>;
  /** Live: Fetch edge rows, sent again on change */
  edge: Array<Edge>;
  /** Live: Count edge rows, sent again on change */
  edge_aggregate: Edge_Aggregate;
  /** Live: Fetch one edge by id, sent again on change */
  edge_by_pk?: Maybe<Edge>;
  /** Live: Fetch flow rows, sent again on change */
  flow: Array<Flow>;
  /** Live: Count flow rows, sent again on change */
  flow_aggregate: Flow_Aggregate;
  /** Live: Fetch one flow by id, sent again on change */
  flow_by_pk?: Maybe<Flow>;
  /** Live: Fetch flow_concurrency_limit rows, sent again on change */
  flow_concurrency_limit: Array<Flow_Concurrency_Limit>;
  /** Live: Count flow_concurrency_limit rows, sent again on change */
  flow_concurrency_limit_aggregate: Flow_Concurrency_Limit_Aggregate;
  /** Live: Fetch one flow_concurrency_limit by id, sent again on change */
  flow_concurrency_limit_by_pk?: Maybe<Flow_Concurrency_Limit>;
  /** Live: Every flow-run concurrency limit with its slots in use, sent again on change */
  flow_concurrency_limits: Array<Flow_Concurrency_Limit_Info>;
  /** Live: Fetch flow_group rows, sent again on change */
  flow_group: Array<Flow_Group>;
  /** Live: Count flow_group rows, sent again on change */
  flow_group_aggregate: Flow_Group_Aggregate;
  /** Live: Fetch one flow_group by id, sent again on change */
  flow_group_by_pk?: Maybe<Flow_Group>;
  /** Live: Fetch flow_run rows, sent again on change */
  flow_run: Array<Flow_Run>;
  /** Live: Count flow_run rows, sent again on change */
  flow_run_aggregate: Flow_Run_Aggregate;
  /** Live: Fetch one flow_run by id, sent again on change */
  flow_run_by_pk?: Maybe<Flow_Run>;
  /** Live: Fetch flow_run_state rows, sent again on change */
  flow_run_state: Array<Flow_Run_State>;
  /** Live: Count flow_run_state rows, sent again on change */
  flow_run_state_aggregate: Flow_Run_State_Aggregate;
  /** Live: Fetch one flow_run_state by id, sent again on change */
  flow_run_state_by_pk?: Maybe<Flow_Run_State>;
  /** flow_run_state rows in commit order, in batches, from a cursor (resumable) */
  flow_run_state_stream: Array<Flow_Run_State>;
  /** Live: One task run by id (Prefect 1's Client.get_task_run_state), sent again on change */
  get_task_run_info?: Maybe<Task_Run>;
  /** Live: A greeting: Prefect 1 agents send `query { hello }` to check their connection, sent again on change */
  hello: Scalars['String']['output'];
  /** Live: Fetch log rows, sent again on change */
  log: Array<Log>;
  /** Live: Count log rows, sent again on change */
  log_aggregate: Log_Aggregate;
  /** Live: Fetch one log by id, sent again on change */
  log_by_pk?: Maybe<Log>;
  /** log rows in commit order, in batches, from a cursor (resumable) */
  log_stream: Array<Log>;
  /** Live: Fetch project rows, sent again on change */
  project: Array<Project>;
  /** Live: Count project rows, sent again on change */
  project_aggregate: Project_Aggregate;
  /** Live: Fetch one project by id, sent again on change */
  project_by_pk?: Maybe<Project>;
  /** Live: Fetch task rows, sent again on change */
  task: Array<Task>;
  /** Live: Count task rows, sent again on change */
  task_aggregate: Task_Aggregate;
  /** Live: Fetch one task by id, sent again on change */
  task_by_pk?: Maybe<Task>;
  /** Live: Fetch task_run rows, sent again on change */
  task_run: Array<Task_Run>;
  /** Live: Count task_run rows, sent again on change */
  task_run_aggregate: Task_Run_Aggregate;
  /** Live: Fetch one task_run by id, sent again on change */
  task_run_by_pk?: Maybe<Task_Run>;
  /** Live: Fetch task_run_state rows, sent again on change */
  task_run_state: Array<Task_Run_State>;
  /** Live: Count task_run_state rows, sent again on change */
  task_run_state_aggregate: Task_Run_State_Aggregate;
  /** Live: Fetch one task_run_state by id, sent again on change */
  task_run_state_by_pk?: Maybe<Task_Run_State>;
  /** task_run_state rows in commit order, in batches, from a cursor (resumable) */
  task_run_state_stream: Array<Task_Run_State>;
  /** Live: Fetch task_tag_limit rows, sent again on change */
  task_tag_limit: Array<Task_Tag_Limit>;
  /** Live: Count task_tag_limit rows, sent again on change */
  task_tag_limit_aggregate: Task_Tag_Limit_Aggregate;
  /** Live: Fetch one task_tag_limit by id, sent again on change */
  task_tag_limit_by_pk?: Maybe<Task_Tag_Limit>;
  /** Live: Fetch tenant rows, sent again on change */
  tenant: Array<Tenant>;
  /** Live: Count tenant rows, sent again on change */
  tenant_aggregate: Tenant_Aggregate;
  /** Live: Fetch one tenant by id, sent again on change */
  tenant_by_pk?: Maybe<Tenant>;
};


export type SubscriptionAgentArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Agent_Order_By>>;
  where?: InputMaybe<Agent_Bool_Exp>;
};


export type SubscriptionAgent_AggregateArgs = {
  where?: InputMaybe<Agent_Bool_Exp>;
};


export type SubscriptionAgent_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type SubscriptionDeploymentArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Deployment_Order_By>>;
  where?: InputMaybe<Deployment_Bool_Exp>;
};


export type SubscriptionDeployment_AggregateArgs = {
  where?: InputMaybe<Deployment_Bool_Exp>;
};


export type SubscriptionDeployment_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type SubscriptionEdgeArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Edge_Order_By>>;
  where?: InputMaybe<Edge_Bool_Exp>;
};


export type SubscriptionEdge_AggregateArgs = {
  where?: InputMaybe<Edge_Bool_Exp>;
};


export type SubscriptionEdge_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type SubscriptionFlowArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Flow_Order_By>>;
  where?: InputMaybe<Flow_Bool_Exp>;
};


export type SubscriptionFlow_AggregateArgs = {
  where?: InputMaybe<Flow_Bool_Exp>;
};


export type SubscriptionFlow_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type SubscriptionFlow_Concurrency_LimitArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Flow_Concurrency_Limit_Order_By>>;
  where?: InputMaybe<Flow_Concurrency_Limit_Bool_Exp>;
};


export type SubscriptionFlow_Concurrency_Limit_AggregateArgs = {
  where?: InputMaybe<Flow_Concurrency_Limit_Bool_Exp>;
};


export type SubscriptionFlow_Concurrency_Limit_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type SubscriptionFlow_GroupArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Flow_Group_Order_By>>;
  where?: InputMaybe<Flow_Group_Bool_Exp>;
};


export type SubscriptionFlow_Group_AggregateArgs = {
  where?: InputMaybe<Flow_Group_Bool_Exp>;
};


export type SubscriptionFlow_Group_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type SubscriptionFlow_RunArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Flow_Run_Order_By>>;
  where?: InputMaybe<Flow_Run_Bool_Exp>;
};


export type SubscriptionFlow_Run_AggregateArgs = {
  where?: InputMaybe<Flow_Run_Bool_Exp>;
};


export type SubscriptionFlow_Run_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type SubscriptionFlow_Run_StateArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Flow_Run_State_Order_By>>;
  where?: InputMaybe<Flow_Run_State_Bool_Exp>;
};


export type SubscriptionFlow_Run_State_AggregateArgs = {
  where?: InputMaybe<Flow_Run_State_Bool_Exp>;
};


export type SubscriptionFlow_Run_State_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type SubscriptionFlow_Run_State_StreamArgs = {
  batch_size: Scalars['Int']['input'];
  cursor: Array<Flow_Run_State_Stream_Cursor_Input>;
  where?: InputMaybe<Flow_Run_State_Bool_Exp>;
};


export type SubscriptionGet_Task_Run_InfoArgs = {
  task_run_id: Scalars['UUID']['input'];
};


export type SubscriptionLogArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Log_Order_By>>;
  where?: InputMaybe<Log_Bool_Exp>;
};


export type SubscriptionLog_AggregateArgs = {
  where?: InputMaybe<Log_Bool_Exp>;
};


export type SubscriptionLog_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type SubscriptionLog_StreamArgs = {
  batch_size: Scalars['Int']['input'];
  cursor: Array<Log_Stream_Cursor_Input>;
  where?: InputMaybe<Log_Bool_Exp>;
};


export type SubscriptionProjectArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Project_Order_By>>;
  where?: InputMaybe<Project_Bool_Exp>;
};


export type SubscriptionProject_AggregateArgs = {
  where?: InputMaybe<Project_Bool_Exp>;
};


export type SubscriptionProject_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type SubscriptionTaskArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Task_Order_By>>;
  where?: InputMaybe<Task_Bool_Exp>;
};


export type SubscriptionTask_AggregateArgs = {
  where?: InputMaybe<Task_Bool_Exp>;
};


export type SubscriptionTask_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type SubscriptionTask_RunArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Task_Run_Order_By>>;
  where?: InputMaybe<Task_Run_Bool_Exp>;
};


export type SubscriptionTask_Run_AggregateArgs = {
  where?: InputMaybe<Task_Run_Bool_Exp>;
};


export type SubscriptionTask_Run_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type SubscriptionTask_Run_StateArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Task_Run_State_Order_By>>;
  where?: InputMaybe<Task_Run_State_Bool_Exp>;
};


export type SubscriptionTask_Run_State_AggregateArgs = {
  where?: InputMaybe<Task_Run_State_Bool_Exp>;
};


export type SubscriptionTask_Run_State_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type SubscriptionTask_Run_State_StreamArgs = {
  batch_size: Scalars['Int']['input'];
  cursor: Array<Task_Run_State_Stream_Cursor_Input>;
  where?: InputMaybe<Task_Run_State_Bool_Exp>;
};


export type SubscriptionTask_Tag_LimitArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Task_Tag_Limit_Order_By>>;
  where?: InputMaybe<Task_Tag_Limit_Bool_Exp>;
};


export type SubscriptionTask_Tag_Limit_AggregateArgs = {
  where?: InputMaybe<Task_Tag_Limit_Bool_Exp>;
};


export type SubscriptionTask_Tag_Limit_By_PkArgs = {
  id: Scalars['uuid']['input'];
};


export type SubscriptionTenantArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Tenant_Order_By>>;
  where?: InputMaybe<Tenant_Bool_Exp>;
};


export type SubscriptionTenant_AggregateArgs = {
  where?: InputMaybe<Tenant_Bool_Exp>;
};


export type SubscriptionTenant_By_PkArgs = {
  id: Scalars['uuid']['input'];
};

export type Agent = {
  agent_config_id?: Maybe<Scalars['uuid']['output']>;
  core_version?: Maybe<Scalars['String']['output']>;
  created?: Maybe<Scalars['timestamptz']['output']>;
  id?: Maybe<Scalars['uuid']['output']>;
  labels?: Maybe<Scalars['jsonb']['output']>;
  last_queried?: Maybe<Scalars['timestamptz']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  type?: Maybe<Scalars['String']['output']>;
  updated?: Maybe<Scalars['timestamptz']['output']>;
};

export type Agent_Aggregate = {
  aggregate: Agent_Aggregate_Fields;
};

export type Agent_Aggregate_Fields = {
  count: Scalars['Int']['output'];
};

export type Agent_Bool_Exp = {
  _and?: InputMaybe<Array<Agent_Bool_Exp>>;
  _not?: InputMaybe<Agent_Bool_Exp>;
  _or?: InputMaybe<Array<Agent_Bool_Exp>>;
  agent_config_id?: InputMaybe<Uuid_Comparison_Exp>;
  core_version?: InputMaybe<String_Comparison_Exp>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  labels?: InputMaybe<Jsonb_Comparison_Exp>;
  last_queried?: InputMaybe<Timestamptz_Comparison_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  type?: InputMaybe<String_Comparison_Exp>;
  updated?: InputMaybe<Timestamptz_Comparison_Exp>;
};

export type Agent_Id_Payload = {
  id: Scalars['UUID']['output'];
};

export type Agent_Order_By = {
  agent_config_id?: InputMaybe<Order_By>;
  core_version?: InputMaybe<Order_By>;
  created?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  labels?: InputMaybe<Order_By>;
  last_queried?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  type?: InputMaybe<Order_By>;
  updated?: InputMaybe<Order_By>;
};

export type Api_Key_Info = {
  created: Scalars['DateTime']['output'];
  expires?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['UUID']['output'];
  last_used?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  revoked?: Maybe<Scalars['DateTime']['output']>;
  scope: Scalars['String']['output'];
};

export type Cancel_Flow_Run_Input = {
  flow_run_id: Scalars['UUID']['input'];
};

export type Cancel_Flow_Run_Payload = {
  state: Scalars['String']['output'];
};

export type Claim_Flow_Runs_Input = {
  agent_id: Scalars['UUID']['input'];
  /** Claim runs due by this time (default: now) */
  before?: InputMaybe<Scalars['DateTime']['input']>;
  /** Defaults to the labels the agent registered with */
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  limit?: Scalars['Int']['input'];
};

export type Claim_Flow_Runs_Payload = {
  flow_runs: Array<Claimed_Flow_Run>;
};

export type Claimed_Flow_Run = {
  flow_run?: Maybe<Flow_Run>;
  id: Scalars['UUID']['output'];
  /** The run's version once it is Submitted */
  version: Scalars['Int']['output'];
};

export type Create_Api_Key_Input = {
  /** The key's lifetime; none: it never expires */
  expires_in_seconds?: InputMaybe<Scalars['Float']['input']>;
  name: Scalars['String']['input'];
  /** read, write or admin */
  scope: Scalars['String']['input'];
};

export type Create_Api_Key_Payload = {
  api_key: Api_Key_Info;
  /** The key itself: shown in this answer only */
  key: Scalars['String']['output'];
};

export type Create_Deployment_Input = {
  description?: InputMaybe<Scalars['String']['input']>;
  enforce_parameter_schema?: Scalars['Boolean']['input'];
  flow_group_id?: InputMaybe<Scalars['UUID']['input']>;
  flow_id?: InputMaybe<Scalars['UUID']['input']>;
  job_variables?: InputMaybe<Scalars['JSON']['input']>;
  labels?: InputMaybe<Scalars['JSON']['input']>;
  name: Scalars['String']['input'];
  parameter_openapi_schema?: InputMaybe<Scalars['JSON']['input']>;
  parameters?: InputMaybe<Scalars['JSON']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  version?: InputMaybe<Scalars['String']['input']>;
  work_queue_name?: InputMaybe<Scalars['String']['input']>;
};

export type Create_Flow_From_Compressed_String_Input = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** The same key as the newest version's returns that version */
  idempotency_key?: InputMaybe<Scalars['String']['input']>;
  project_id: Scalars['UUID']['input'];
  /** base64 of gzip of the flow's JSON (prefect.utilities.graphql.compress) */
  serialized_flow: Scalars['String']['input'];
  set_schedule_active?: InputMaybe<Scalars['Boolean']['input']>;
  version_group_id?: InputMaybe<Scalars['String']['input']>;
};

export type Create_Flow_Input = {
  description?: InputMaybe<Scalars['String']['input']>;
  idempotency_key?: InputMaybe<Scalars['String']['input']>;
  project_id: Scalars['UUID']['input'];
  serialized_flow: Scalars['JSON']['input'];
  set_schedule_active?: InputMaybe<Scalars['Boolean']['input']>;
  version_group_id?: InputMaybe<Scalars['String']['input']>;
};

export type Create_Flow_Run_Input = {
  context?: InputMaybe<Scalars['JSON']['input']>;
  flow_group_id?: InputMaybe<Scalars['UUID']['input']>;
  flow_id?: InputMaybe<Scalars['UUID']['input']>;
  flow_run_name?: InputMaybe<Scalars['String']['input']>;
  idempotency_key?: InputMaybe<Scalars['String']['input']>;
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  parameters?: InputMaybe<Scalars['JSON']['input']>;
  run_config?: InputMaybe<Scalars['JSON']['input']>;
  scheduled_start_time?: InputMaybe<Scalars['DateTime']['input']>;
  version_group_id?: InputMaybe<Scalars['String']['input']>;
};

export type Create_Project_Input = {
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** Accepted for Prefect 1 clients and ignored */
  tenant_id?: InputMaybe<Scalars['UUID']['input']>;
};

export type Create_Tenant_Input = {
  name: Scalars['String']['input'];
  slug?: InputMaybe<Scalars['String']['input']>;
};

export type Cron_Clock_Input = {
  cron: Scalars['String']['input'];
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  parameter_defaults?: InputMaybe<Scalars['JSON']['input']>;
};

/** Hasura's stream ordering (ASC only) */
export type Cursor_Ordering =
  | 'ASC'
  | 'DESC';

export type Delete_Flow_Concurrency_Limit_Input = {
  name: Scalars['String']['input'];
};

export type Delete_Flow_Group_Schedule_Input = {
  flow_group_id: Scalars['UUID']['input'];
};

export type Delete_Project_Input = {
  project_id: Scalars['UUID']['input'];
};

export type Delete_Task_Tag_Limit_Input = {
  limit_id: Scalars['UUID']['input'];
};

export type Deployment = {
  created?: Maybe<Scalars['timestamptz']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  enforce_parameter_schema?: Maybe<Scalars['Boolean']['output']>;
  flow_group?: Maybe<Flow_Group>;
  flow_group_id?: Maybe<Scalars['uuid']['output']>;
  flow_runs: Array<Flow_Run>;
  id?: Maybe<Scalars['uuid']['output']>;
  job_variables?: Maybe<Scalars['jsonb']['output']>;
  labels?: Maybe<Scalars['jsonb']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  parameter_openapi_schema?: Maybe<Scalars['jsonb']['output']>;
  parameters?: Maybe<Scalars['jsonb']['output']>;
  tags?: Maybe<Scalars['jsonb']['output']>;
  updated?: Maybe<Scalars['timestamptz']['output']>;
  version?: Maybe<Scalars['String']['output']>;
  work_queue_name?: Maybe<Scalars['String']['output']>;
};


export type DeploymentFlow_RunsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Flow_Run_Order_By>>;
  where?: InputMaybe<Flow_Run_Bool_Exp>;
};

export type Deployment_Aggregate = {
  aggregate: Deployment_Aggregate_Fields;
};

export type Deployment_Aggregate_Fields = {
  count: Scalars['Int']['output'];
};

export type Deployment_Bool_Exp = {
  _and?: InputMaybe<Array<Deployment_Bool_Exp>>;
  _not?: InputMaybe<Deployment_Bool_Exp>;
  _or?: InputMaybe<Array<Deployment_Bool_Exp>>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  description?: InputMaybe<String_Comparison_Exp>;
  enforce_parameter_schema?: InputMaybe<Boolean_Comparison_Exp>;
  flow_group?: InputMaybe<Flow_Group_Bool_Exp>;
  flow_group_id?: InputMaybe<Uuid_Comparison_Exp>;
  flow_runs?: InputMaybe<Flow_Run_Bool_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  job_variables?: InputMaybe<Jsonb_Comparison_Exp>;
  labels?: InputMaybe<Jsonb_Comparison_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  parameter_openapi_schema?: InputMaybe<Jsonb_Comparison_Exp>;
  parameters?: InputMaybe<Jsonb_Comparison_Exp>;
  tags?: InputMaybe<Jsonb_Comparison_Exp>;
  updated?: InputMaybe<Timestamptz_Comparison_Exp>;
  version?: InputMaybe<String_Comparison_Exp>;
  work_queue_name?: InputMaybe<String_Comparison_Exp>;
};

export type Deployment_Id_Input = {
  deployment_id: Scalars['UUID']['input'];
};

export type Deployment_Id_Payload = {
  deployment?: Maybe<Deployment>;
  id: Scalars['UUID']['output'];
};

export type Deployment_Order_By = {
  created?: InputMaybe<Order_By>;
  description?: InputMaybe<Order_By>;
  enforce_parameter_schema?: InputMaybe<Order_By>;
  flow_group?: InputMaybe<Flow_Group_Order_By>;
  flow_group_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  job_variables?: InputMaybe<Order_By>;
  labels?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  parameter_openapi_schema?: InputMaybe<Order_By>;
  parameters?: InputMaybe<Order_By>;
  tags?: InputMaybe<Order_By>;
  updated?: InputMaybe<Order_By>;
  version?: InputMaybe<Order_By>;
  work_queue_name?: InputMaybe<Order_By>;
};

export type Edge = {
  created?: Maybe<Scalars['timestamptz']['output']>;
  downstream_task?: Maybe<Task>;
  downstream_task_id?: Maybe<Scalars['uuid']['output']>;
  flattened?: Maybe<Scalars['Boolean']['output']>;
  flow?: Maybe<Flow>;
  flow_id?: Maybe<Scalars['uuid']['output']>;
  id?: Maybe<Scalars['uuid']['output']>;
  key?: Maybe<Scalars['String']['output']>;
  mapped?: Maybe<Scalars['Boolean']['output']>;
  updated?: Maybe<Scalars['timestamptz']['output']>;
  upstream_task?: Maybe<Task>;
  upstream_task_id?: Maybe<Scalars['uuid']['output']>;
};

export type Edge_Aggregate = {
  aggregate: Edge_Aggregate_Fields;
};

export type Edge_Aggregate_Fields = {
  count: Scalars['Int']['output'];
};

export type Edge_Bool_Exp = {
  _and?: InputMaybe<Array<Edge_Bool_Exp>>;
  _not?: InputMaybe<Edge_Bool_Exp>;
  _or?: InputMaybe<Array<Edge_Bool_Exp>>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  downstream_task?: InputMaybe<Task_Bool_Exp>;
  downstream_task_id?: InputMaybe<Uuid_Comparison_Exp>;
  flattened?: InputMaybe<Boolean_Comparison_Exp>;
  flow?: InputMaybe<Flow_Bool_Exp>;
  flow_id?: InputMaybe<Uuid_Comparison_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  key?: InputMaybe<String_Comparison_Exp>;
  mapped?: InputMaybe<Boolean_Comparison_Exp>;
  updated?: InputMaybe<Timestamptz_Comparison_Exp>;
  upstream_task?: InputMaybe<Task_Bool_Exp>;
  upstream_task_id?: InputMaybe<Uuid_Comparison_Exp>;
};

export type Edge_Order_By = {
  created?: InputMaybe<Order_By>;
  downstream_task?: InputMaybe<Task_Order_By>;
  downstream_task_id?: InputMaybe<Order_By>;
  flattened?: InputMaybe<Order_By>;
  flow?: InputMaybe<Flow_Order_By>;
  flow_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  key?: InputMaybe<Order_By>;
  mapped?: InputMaybe<Order_By>;
  updated?: InputMaybe<Order_By>;
  upstream_task?: InputMaybe<Task_Order_By>;
  upstream_task_id?: InputMaybe<Order_By>;
};

export type Flow = {
  archived?: Maybe<Scalars['Boolean']['output']>;
  core_version?: Maybe<Scalars['String']['output']>;
  created?: Maybe<Scalars['timestamptz']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  edges: Array<Edge>;
  environment?: Maybe<Scalars['jsonb']['output']>;
  flow_group?: Maybe<Flow_Group>;
  flow_group_id?: Maybe<Scalars['uuid']['output']>;
  flow_runs: Array<Flow_Run>;
  id?: Maybe<Scalars['uuid']['output']>;
  idempotency_key?: Maybe<Scalars['String']['output']>;
  is_schedule_active?: Maybe<Scalars['Boolean']['output']>;
  labels?: Maybe<Scalars['jsonb']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  parameter_schema?: Maybe<Scalars['jsonb']['output']>;
  parameters?: Maybe<Scalars['jsonb']['output']>;
  project?: Maybe<Project>;
  project_id?: Maybe<Scalars['uuid']['output']>;
  run_config?: Maybe<Scalars['jsonb']['output']>;
  schedule?: Maybe<Scalars['jsonb']['output']>;
  serialized_flow?: Maybe<Scalars['jsonb']['output']>;
  settings?: Maybe<Scalars['jsonb']['output']>;
  storage?: Maybe<Scalars['jsonb']['output']>;
  tasks: Array<Task>;
  updated?: Maybe<Scalars['timestamptz']['output']>;
  version?: Maybe<Scalars['Int']['output']>;
  version_group_id?: Maybe<Scalars['String']['output']>;
};


export type FlowEdgesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Edge_Order_By>>;
  where?: InputMaybe<Edge_Bool_Exp>;
};


export type FlowFlow_RunsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Flow_Run_Order_By>>;
  where?: InputMaybe<Flow_Run_Bool_Exp>;
};


export type FlowTasksArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Task_Order_By>>;
  where?: InputMaybe<Task_Bool_Exp>;
};

export type Flow_Aggregate = {
  aggregate: Flow_Aggregate_Fields;
};

export type Flow_Aggregate_Fields = {
  count: Scalars['Int']['output'];
};

export type Flow_Bool_Exp = {
  _and?: InputMaybe<Array<Flow_Bool_Exp>>;
  _not?: InputMaybe<Flow_Bool_Exp>;
  _or?: InputMaybe<Array<Flow_Bool_Exp>>;
  archived?: InputMaybe<Boolean_Comparison_Exp>;
  core_version?: InputMaybe<String_Comparison_Exp>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  description?: InputMaybe<String_Comparison_Exp>;
  edges?: InputMaybe<Edge_Bool_Exp>;
  environment?: InputMaybe<Jsonb_Comparison_Exp>;
  flow_group?: InputMaybe<Flow_Group_Bool_Exp>;
  flow_group_id?: InputMaybe<Uuid_Comparison_Exp>;
  flow_runs?: InputMaybe<Flow_Run_Bool_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  idempotency_key?: InputMaybe<String_Comparison_Exp>;
  is_schedule_active?: InputMaybe<Boolean_Comparison_Exp>;
  labels?: InputMaybe<Jsonb_Comparison_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  parameter_schema?: InputMaybe<Jsonb_Comparison_Exp>;
  parameters?: InputMaybe<Jsonb_Comparison_Exp>;
  project?: InputMaybe<Project_Bool_Exp>;
  project_id?: InputMaybe<Uuid_Comparison_Exp>;
  run_config?: InputMaybe<Jsonb_Comparison_Exp>;
  schedule?: InputMaybe<Jsonb_Comparison_Exp>;
  serialized_flow?: InputMaybe<Jsonb_Comparison_Exp>;
  storage?: InputMaybe<Jsonb_Comparison_Exp>;
  tasks?: InputMaybe<Task_Bool_Exp>;
  updated?: InputMaybe<Timestamptz_Comparison_Exp>;
  version?: InputMaybe<Int_Comparison_Exp>;
  version_group_id?: InputMaybe<String_Comparison_Exp>;
};

export type Flow_Concurrency_Limit = {
  created?: Maybe<Scalars['timestamptz']['output']>;
  id?: Maybe<Scalars['uuid']['output']>;
  limit?: Maybe<Scalars['Int']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  updated?: Maybe<Scalars['timestamptz']['output']>;
};

export type Flow_Concurrency_Limit_Aggregate = {
  aggregate: Flow_Concurrency_Limit_Aggregate_Fields;
};

export type Flow_Concurrency_Limit_Aggregate_Fields = {
  count: Scalars['Int']['output'];
};

export type Flow_Concurrency_Limit_Bool_Exp = {
  _and?: InputMaybe<Array<Flow_Concurrency_Limit_Bool_Exp>>;
  _not?: InputMaybe<Flow_Concurrency_Limit_Bool_Exp>;
  _or?: InputMaybe<Array<Flow_Concurrency_Limit_Bool_Exp>>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  limit?: InputMaybe<Int_Comparison_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  updated?: InputMaybe<Timestamptz_Comparison_Exp>;
};

export type Flow_Concurrency_Limit_Info = {
  id: Scalars['UUID']['output'];
  /** Runs with the label that are Submitted, Running or Cancelling now */
  in_use: Scalars['Int']['output'];
  limit: Scalars['Int']['output'];
  name: Scalars['String']['output'];
};

export type Flow_Concurrency_Limit_Order_By = {
  created?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  limit?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  updated?: InputMaybe<Order_By>;
};

export type Flow_Group = {
  created?: Maybe<Scalars['timestamptz']['output']>;
  default_parameters?: Maybe<Scalars['jsonb']['output']>;
  deployments: Array<Deployment>;
  description?: Maybe<Scalars['String']['output']>;
  flows: Array<Flow>;
  id?: Maybe<Scalars['uuid']['output']>;
  labels?: Maybe<Scalars['jsonb']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  schedule?: Maybe<Scalars['jsonb']['output']>;
  settings?: Maybe<Scalars['jsonb']['output']>;
  updated?: Maybe<Scalars['timestamptz']['output']>;
};


export type Flow_GroupDeploymentsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Deployment_Order_By>>;
  where?: InputMaybe<Deployment_Bool_Exp>;
};


export type Flow_GroupFlowsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Flow_Order_By>>;
  where?: InputMaybe<Flow_Bool_Exp>;
};

export type Flow_Group_Aggregate = {
  aggregate: Flow_Group_Aggregate_Fields;
};

export type Flow_Group_Aggregate_Fields = {
  count: Scalars['Int']['output'];
};

export type Flow_Group_Bool_Exp = {
  _and?: InputMaybe<Array<Flow_Group_Bool_Exp>>;
  _not?: InputMaybe<Flow_Group_Bool_Exp>;
  _or?: InputMaybe<Array<Flow_Group_Bool_Exp>>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  default_parameters?: InputMaybe<Jsonb_Comparison_Exp>;
  deployments?: InputMaybe<Deployment_Bool_Exp>;
  description?: InputMaybe<String_Comparison_Exp>;
  flows?: InputMaybe<Flow_Bool_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  labels?: InputMaybe<Jsonb_Comparison_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  schedule?: InputMaybe<Jsonb_Comparison_Exp>;
  settings?: InputMaybe<Jsonb_Comparison_Exp>;
  updated?: InputMaybe<Timestamptz_Comparison_Exp>;
};

export type Flow_Group_Order_By = {
  created?: InputMaybe<Order_By>;
  default_parameters?: InputMaybe<Order_By>;
  description?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  labels?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  schedule?: InputMaybe<Order_By>;
  settings?: InputMaybe<Order_By>;
  updated?: InputMaybe<Order_By>;
};

export type Flow_Group_Schedule_Payload = {
  /** Runs the new schedule created at once */
  created: Scalars['Int']['output'];
  /** Not-yet-started auto-scheduled runs the schedule no longer produces, deleted */
  deleted: Scalars['Int']['output'];
  error?: Maybe<Scalars['String']['output']>;
  success: Scalars['Boolean']['output'];
};

export type Flow_Id_Input = {
  flow_id: Scalars['UUID']['input'];
};

export type Flow_Id_Payload = {
  flow?: Maybe<Flow>;
  id: Scalars['UUID']['output'];
};

export type Flow_Order_By = {
  archived?: InputMaybe<Order_By>;
  core_version?: InputMaybe<Order_By>;
  created?: InputMaybe<Order_By>;
  description?: InputMaybe<Order_By>;
  environment?: InputMaybe<Order_By>;
  flow_group?: InputMaybe<Flow_Group_Order_By>;
  flow_group_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  idempotency_key?: InputMaybe<Order_By>;
  is_schedule_active?: InputMaybe<Order_By>;
  labels?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  parameter_schema?: InputMaybe<Order_By>;
  parameters?: InputMaybe<Order_By>;
  project?: InputMaybe<Project_Order_By>;
  project_id?: InputMaybe<Order_By>;
  run_config?: InputMaybe<Order_By>;
  schedule?: InputMaybe<Order_By>;
  serialized_flow?: InputMaybe<Order_By>;
  storage?: InputMaybe<Order_By>;
  updated?: InputMaybe<Order_By>;
  version?: InputMaybe<Order_By>;
  version_group_id?: InputMaybe<Order_By>;
};

export type Flow_Run = {
  agent_id?: Maybe<Scalars['uuid']['output']>;
  auto_scheduled?: Maybe<Scalars['Boolean']['output']>;
  context?: Maybe<Scalars['jsonb']['output']>;
  created?: Maybe<Scalars['timestamptz']['output']>;
  created_by?: Maybe<Scalars['jsonb']['output']>;
  deployment?: Maybe<Deployment>;
  deployment_id?: Maybe<Scalars['uuid']['output']>;
  empirical_policy?: Maybe<Scalars['jsonb']['output']>;
  end_time?: Maybe<Scalars['timestamptz']['output']>;
  flow?: Maybe<Flow>;
  flow_id?: Maybe<Scalars['uuid']['output']>;
  heartbeat?: Maybe<Scalars['timestamptz']['output']>;
  id?: Maybe<Scalars['uuid']['output']>;
  idempotency_key?: Maybe<Scalars['String']['output']>;
  infrastructure_document_id?: Maybe<Scalars['uuid']['output']>;
  job_variables?: Maybe<Scalars['jsonb']['output']>;
  labels?: Maybe<Scalars['jsonb']['output']>;
  late?: Maybe<Scalars['Boolean']['output']>;
  logs: Array<Log>;
  name?: Maybe<Scalars['String']['output']>;
  parameters?: Maybe<Scalars['jsonb']['output']>;
  parent_task_run_id?: Maybe<Scalars['uuid']['output']>;
  run_config?: Maybe<Scalars['jsonb']['output']>;
  run_count?: Maybe<Scalars['Int']['output']>;
  scheduled_start_time?: Maybe<Scalars['timestamptz']['output']>;
  serialized_state?: Maybe<Scalars['jsonb']['output']>;
  start_time?: Maybe<Scalars['timestamptz']['output']>;
  state?: Maybe<Scalars['String']['output']>;
  state_id?: Maybe<Scalars['uuid']['output']>;
  state_message?: Maybe<Scalars['String']['output']>;
  state_start_time?: Maybe<Scalars['timestamptz']['output']>;
  state_timestamp?: Maybe<Scalars['timestamptz']['output']>;
  state_type?: Maybe<Scalars['String']['output']>;
  states: Array<Flow_Run_State>;
  tags?: Maybe<Scalars['jsonb']['output']>;
  task_runs: Array<Task_Run>;
  updated?: Maybe<Scalars['timestamptz']['output']>;
  version?: Maybe<Scalars['Int']['output']>;
  wait_reason?: Maybe<Scalars['String']['output']>;
  work_queue_name?: Maybe<Scalars['String']['output']>;
};


export type Flow_RunLogsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Log_Order_By>>;
  where?: InputMaybe<Log_Bool_Exp>;
};


export type Flow_RunStatesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Flow_Run_State_Order_By>>;
  where?: InputMaybe<Flow_Run_State_Bool_Exp>;
};


export type Flow_RunTask_RunsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Task_Run_Order_By>>;
  where?: InputMaybe<Task_Run_Bool_Exp>;
};

export type Flow_Run_Aggregate = {
  aggregate: Flow_Run_Aggregate_Fields;
};

export type Flow_Run_Aggregate_Fields = {
  count: Scalars['Int']['output'];
};

export type Flow_Run_Bool_Exp = {
  _and?: InputMaybe<Array<Flow_Run_Bool_Exp>>;
  _not?: InputMaybe<Flow_Run_Bool_Exp>;
  _or?: InputMaybe<Array<Flow_Run_Bool_Exp>>;
  agent_id?: InputMaybe<Uuid_Comparison_Exp>;
  auto_scheduled?: InputMaybe<Boolean_Comparison_Exp>;
  context?: InputMaybe<Jsonb_Comparison_Exp>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  created_by?: InputMaybe<Jsonb_Comparison_Exp>;
  deployment?: InputMaybe<Deployment_Bool_Exp>;
  deployment_id?: InputMaybe<Uuid_Comparison_Exp>;
  empirical_policy?: InputMaybe<Jsonb_Comparison_Exp>;
  end_time?: InputMaybe<Timestamptz_Comparison_Exp>;
  flow?: InputMaybe<Flow_Bool_Exp>;
  flow_id?: InputMaybe<Uuid_Comparison_Exp>;
  heartbeat?: InputMaybe<Timestamptz_Comparison_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  idempotency_key?: InputMaybe<String_Comparison_Exp>;
  infrastructure_document_id?: InputMaybe<Uuid_Comparison_Exp>;
  job_variables?: InputMaybe<Jsonb_Comparison_Exp>;
  labels?: InputMaybe<Jsonb_Comparison_Exp>;
  late?: InputMaybe<Boolean_Comparison_Exp>;
  logs?: InputMaybe<Log_Bool_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  parameters?: InputMaybe<Jsonb_Comparison_Exp>;
  parent_task_run_id?: InputMaybe<Uuid_Comparison_Exp>;
  run_config?: InputMaybe<Jsonb_Comparison_Exp>;
  run_count?: InputMaybe<Int_Comparison_Exp>;
  scheduled_start_time?: InputMaybe<Timestamptz_Comparison_Exp>;
  serialized_state?: InputMaybe<Jsonb_Comparison_Exp>;
  start_time?: InputMaybe<Timestamptz_Comparison_Exp>;
  state?: InputMaybe<String_Comparison_Exp>;
  state_id?: InputMaybe<Uuid_Comparison_Exp>;
  state_message?: InputMaybe<String_Comparison_Exp>;
  state_start_time?: InputMaybe<Timestamptz_Comparison_Exp>;
  state_timestamp?: InputMaybe<Timestamptz_Comparison_Exp>;
  state_type?: InputMaybe<String_Comparison_Exp>;
  states?: InputMaybe<Flow_Run_State_Bool_Exp>;
  tags?: InputMaybe<Jsonb_Comparison_Exp>;
  task_runs?: InputMaybe<Task_Run_Bool_Exp>;
  updated?: InputMaybe<Timestamptz_Comparison_Exp>;
  version?: InputMaybe<Int_Comparison_Exp>;
  wait_reason?: InputMaybe<String_Comparison_Exp>;
  work_queue_name?: InputMaybe<String_Comparison_Exp>;
};

export type Flow_Run_Id_Input = {
  flow_run_id: Scalars['UUID']['input'];
};

export type Flow_Run_Id_Payload = {
  /** False when an idempotency key named an existing run */
  created: Scalars['Boolean']['output'];
  flow_run?: Maybe<Flow_Run>;
  id: Scalars['UUID']['output'];
};

export type Flow_Run_Order_By = {
  agent_id?: InputMaybe<Order_By>;
  auto_scheduled?: InputMaybe<Order_By>;
  context?: InputMaybe<Order_By>;
  created?: InputMaybe<Order_By>;
  created_by?: InputMaybe<Order_By>;
  deployment?: InputMaybe<Deployment_Order_By>;
  deployment_id?: InputMaybe<Order_By>;
  empirical_policy?: InputMaybe<Order_By>;
  end_time?: InputMaybe<Order_By>;
  flow?: InputMaybe<Flow_Order_By>;
  flow_id?: InputMaybe<Order_By>;
  heartbeat?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  idempotency_key?: InputMaybe<Order_By>;
  infrastructure_document_id?: InputMaybe<Order_By>;
  job_variables?: InputMaybe<Order_By>;
  labels?: InputMaybe<Order_By>;
  late?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  parameters?: InputMaybe<Order_By>;
  parent_task_run_id?: InputMaybe<Order_By>;
  run_config?: InputMaybe<Order_By>;
  run_count?: InputMaybe<Order_By>;
  scheduled_start_time?: InputMaybe<Order_By>;
  serialized_state?: InputMaybe<Order_By>;
  start_time?: InputMaybe<Order_By>;
  state?: InputMaybe<Order_By>;
  state_id?: InputMaybe<Order_By>;
  state_message?: InputMaybe<Order_By>;
  state_start_time?: InputMaybe<Order_By>;
  state_timestamp?: InputMaybe<Order_By>;
  state_type?: InputMaybe<Order_By>;
  tags?: InputMaybe<Order_By>;
  updated?: InputMaybe<Order_By>;
  version?: InputMaybe<Order_By>;
  wait_reason?: InputMaybe<Order_By>;
  work_queue_name?: InputMaybe<Order_By>;
};

export type Flow_Run_State = {
  created?: Maybe<Scalars['timestamptz']['output']>;
  created_by?: Maybe<Scalars['jsonb']['output']>;
  flow_run?: Maybe<Flow_Run>;
  flow_run_id?: Maybe<Scalars['uuid']['output']>;
  id?: Maybe<Scalars['uuid']['output']>;
  message?: Maybe<Scalars['String']['output']>;
  /** Where this row stands in its table's stream (`<table>_stream`): a client that resumes from it gets every row after it exactly once. Opaque; compare for equality. */
  position?: Maybe<Scalars['String']['output']>;
  result?: Maybe<Scalars['jsonb']['output']>;
  serialized_state?: Maybe<Scalars['jsonb']['output']>;
  start_time?: Maybe<Scalars['timestamptz']['output']>;
  state?: Maybe<Scalars['String']['output']>;
  timestamp?: Maybe<Scalars['timestamptz']['output']>;
  type?: Maybe<Scalars['String']['output']>;
  version?: Maybe<Scalars['Int']['output']>;
};

export type Flow_Run_State_Aggregate = {
  aggregate: Flow_Run_State_Aggregate_Fields;
};

export type Flow_Run_State_Aggregate_Fields = {
  count: Scalars['Int']['output'];
};

export type Flow_Run_State_Bool_Exp = {
  _and?: InputMaybe<Array<Flow_Run_State_Bool_Exp>>;
  _not?: InputMaybe<Flow_Run_State_Bool_Exp>;
  _or?: InputMaybe<Array<Flow_Run_State_Bool_Exp>>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  created_by?: InputMaybe<Jsonb_Comparison_Exp>;
  flow_run?: InputMaybe<Flow_Run_Bool_Exp>;
  flow_run_id?: InputMaybe<Uuid_Comparison_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  message?: InputMaybe<String_Comparison_Exp>;
  result?: InputMaybe<Jsonb_Comparison_Exp>;
  serialized_state?: InputMaybe<Jsonb_Comparison_Exp>;
  start_time?: InputMaybe<Timestamptz_Comparison_Exp>;
  state?: InputMaybe<String_Comparison_Exp>;
  timestamp?: InputMaybe<Timestamptz_Comparison_Exp>;
  type?: InputMaybe<String_Comparison_Exp>;
  version?: InputMaybe<Int_Comparison_Exp>;
};

export type Flow_Run_State_Order_By = {
  created?: InputMaybe<Order_By>;
  created_by?: InputMaybe<Order_By>;
  flow_run?: InputMaybe<Flow_Run_Order_By>;
  flow_run_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  message?: InputMaybe<Order_By>;
  result?: InputMaybe<Order_By>;
  serialized_state?: InputMaybe<Order_By>;
  start_time?: InputMaybe<Order_By>;
  state?: InputMaybe<Order_By>;
  timestamp?: InputMaybe<Order_By>;
  type?: InputMaybe<Order_By>;
  version?: InputMaybe<Order_By>;
};

export type Flow_Run_State_Stream_Cursor_Input = {
  initial_value: Flow_Run_State_Stream_Cursor_Value_Input;
  ordering?: InputMaybe<Cursor_Ordering>;
};

export type Flow_Run_State_Stream_Cursor_Value_Input = {
  /** A row's `position` as the stream sent it; rows after it come next. Omit it to start from the first row. */
  position?: InputMaybe<Scalars['String']['input']>;
};

export type Flow_Runs_Action_Payload = {
  /** How many runs the action changed */
  count: Scalars['Int']['output'];
  /** The runs the action changed */
  ids: Array<Scalars['UUID']['output']>;
  /** Matched runs whose state forbids the action, left as they were */
  skipped: Array<Skipped_Flow_Run>;
};

export type Flow_Runs_Where_Input = {
  /** Which runs: the flow_run query's filter; an empty one is refused */
  where: Flow_Run_Bool_Exp;
};

export type Get_Or_Create_Task_Run_Info_Input = {
  flow_run_id: Scalars['UUID']['input'];
  /** -1 when not mapped */
  map_index?: InputMaybe<Scalars['Int']['input']>;
  task_id: Scalars['UUID']['input'];
};

export type Get_Or_Create_Task_Run_Info_Payload = {
  id: Scalars['UUID']['output'];
  serialized_state?: Maybe<Scalars['JSON']['output']>;
  state: Scalars['String']['output'];
  task_run?: Maybe<Task_Run>;
  version: Scalars['Int']['output'];
};

export type Get_Runs_In_Queue_Input = {
  agent_id?: InputMaybe<Scalars['UUID']['input']>;
  before?: InputMaybe<Scalars['DateTime']['input']>;
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Accepted for Prefect 1 agents and ignored */
  tenant_id?: InputMaybe<Scalars['UUID']['input']>;
};

export type Interval_Clock_Input = {
  /** Seconds between runs */
  interval: Scalars['Int']['input'];
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  parameter_defaults?: InputMaybe<Scalars['JSON']['input']>;
};

export type Jsonb_Comparison_Exp = {
  _contains?: InputMaybe<Scalars['jsonb']['input']>;
  _has_key?: InputMaybe<Scalars['String']['input']>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
};

export type Log = {
  created?: Maybe<Scalars['timestamptz']['output']>;
  flow_run?: Maybe<Flow_Run>;
  flow_run_id?: Maybe<Scalars['uuid']['output']>;
  id?: Maybe<Scalars['uuid']['output']>;
  info?: Maybe<Scalars['jsonb']['output']>;
  level?: Maybe<Scalars['String']['output']>;
  message?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  /** Where this row stands in its table's stream (`<table>_stream`): a client that resumes from it gets every row after it exactly once. Opaque; compare for equality. */
  position?: Maybe<Scalars['String']['output']>;
  task_run?: Maybe<Task_Run>;
  task_run_id?: Maybe<Scalars['uuid']['output']>;
  timestamp?: Maybe<Scalars['timestamptz']['output']>;
};

export type Log_Aggregate = {
  aggregate: Log_Aggregate_Fields;
};

export type Log_Aggregate_Fields = {
  count: Scalars['Int']['output'];
};

export type Log_Bool_Exp = {
  _and?: InputMaybe<Array<Log_Bool_Exp>>;
  _not?: InputMaybe<Log_Bool_Exp>;
  _or?: InputMaybe<Array<Log_Bool_Exp>>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  flow_run?: InputMaybe<Flow_Run_Bool_Exp>;
  flow_run_id?: InputMaybe<Uuid_Comparison_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  info?: InputMaybe<Jsonb_Comparison_Exp>;
  level?: InputMaybe<String_Comparison_Exp>;
  message?: InputMaybe<String_Comparison_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  task_run?: InputMaybe<Task_Run_Bool_Exp>;
  task_run_id?: InputMaybe<Uuid_Comparison_Exp>;
  timestamp?: InputMaybe<Timestamptz_Comparison_Exp>;
};

export type Log_Order_By = {
  created?: InputMaybe<Order_By>;
  flow_run?: InputMaybe<Flow_Run_Order_By>;
  flow_run_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  info?: InputMaybe<Order_By>;
  level?: InputMaybe<Order_By>;
  message?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  task_run?: InputMaybe<Task_Run_Order_By>;
  task_run_id?: InputMaybe<Order_By>;
  timestamp?: InputMaybe<Order_By>;
};

export type Log_Stream_Cursor_Input = {
  initial_value: Log_Stream_Cursor_Value_Input;
  ordering?: InputMaybe<Cursor_Ordering>;
};

export type Log_Stream_Cursor_Value_Input = {
  /** A row's `position` as the stream sent it; rows after it come next. Omit it to start from the first row. */
  position?: InputMaybe<Scalars['String']['input']>;
};

/** Hasura's column ordering */
export type Order_By =
  | 'asc'
  | 'asc_nulls_first'
  | 'asc_nulls_last'
  | 'desc'
  | 'desc_nulls_first'
  | 'desc_nulls_last';

export type Project = {
  created?: Maybe<Scalars['timestamptz']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  flows: Array<Flow>;
  id?: Maybe<Scalars['uuid']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  updated?: Maybe<Scalars['timestamptz']['output']>;
};


export type ProjectFlowsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Flow_Order_By>>;
  where?: InputMaybe<Flow_Bool_Exp>;
};

export type Project_Aggregate = {
  aggregate: Project_Aggregate_Fields;
};

export type Project_Aggregate_Fields = {
  count: Scalars['Int']['output'];
};

export type Project_Bool_Exp = {
  _and?: InputMaybe<Array<Project_Bool_Exp>>;
  _not?: InputMaybe<Project_Bool_Exp>;
  _or?: InputMaybe<Array<Project_Bool_Exp>>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  description?: InputMaybe<String_Comparison_Exp>;
  flows?: InputMaybe<Flow_Bool_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  updated?: InputMaybe<Timestamptz_Comparison_Exp>;
};

export type Project_Id_Payload = {
  id: Scalars['UUID']['output'];
  project?: Maybe<Project>;
};

export type Project_Order_By = {
  created?: InputMaybe<Order_By>;
  description?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  updated?: InputMaybe<Order_By>;
};

export type Register_Agent_Input = {
  agent_config_id?: InputMaybe<Scalars['UUID']['input']>;
  core_version?: InputMaybe<Scalars['String']['input']>;
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Accepted for Prefect 1 agents and ignored */
  tenant_id?: InputMaybe<Scalars['UUID']['input']>;
  type: Scalars['String']['input'];
};

export type Register_Edges_Input = {
  flow_id: Scalars['UUID']['input'];
  serialized_edges?: InputMaybe<Array<Scalars['JSON']['input']>>;
};

export type Register_Tasks_Input = {
  flow_id: Scalars['UUID']['input'];
  serialized_tasks?: InputMaybe<Array<Scalars['JSON']['input']>>;
};

export type Restart_Flow_Run_Input = {
  flow_run_id: Scalars['UUID']['input'];
  /** The run's current version (optimistic lock) */
  version: Scalars['Int']['input'];
};

export type Restart_Flow_Run_Payload = {
  flow_run?: Maybe<Flow_Run>;
  id: Scalars['UUID']['output'];
  /** The task runs sent back to Pending */
  task_run_ids: Array<Scalars['UUID']['output']>;
  version: Scalars['Int']['output'];
};

export type Revoke_Api_Key_Input = {
  name: Scalars['String']['input'];
};

export type Runs_In_Queue_Payload = {
  flow_run_ids: Array<Scalars['String']['output']>;
};

export type Set_Flow_Concurrency_Limit_Input = {
  /** At most this many such runs claimed or running at once (0 holds them all) */
  limit: Scalars['Int']['input'];
  /** The flow-run label the limit applies to */
  name: Scalars['String']['input'];
};

export type Set_Flow_Group_Default_Parameters_Input = {
  flow_group_id: Scalars['UUID']['input'];
  parameters: Scalars['JSON']['input'];
};

export type Set_Flow_Group_Labels_Input = {
  flow_group_id: Scalars['UUID']['input'];
  labels?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type Set_Flow_Group_Schedule_Active_Input = {
  active: Scalars['Boolean']['input'];
  flow_group_id: Scalars['UUID']['input'];
};

export type Set_Flow_Group_Schedule_Input = {
  cron_clocks?: InputMaybe<Array<Cron_Clock_Input>>;
  flow_group_id: Scalars['UUID']['input'];
  interval_clocks?: InputMaybe<Array<Interval_Clock_Input>>;
  /** IANA name; cron times are wall-clock times there (UTC) */
  timezone?: InputMaybe<Scalars['String']['input']>;
};

export type Set_Flow_Group_Skip_Late_Runs_Input = {
  /** Cancel the group's runs more than this many seconds late; null: never skip */
  after_seconds?: InputMaybe<Scalars['Float']['input']>;
  flow_group_id: Scalars['UUID']['input'];
};

export type Set_Flow_Run_Labels_Input = {
  flow_run_id: Scalars['UUID']['input'];
  labels: Array<Scalars['String']['input']>;
};

export type Set_Flow_Run_Name_Input = {
  flow_run_id: Scalars['UUID']['input'];
  name: Scalars['String']['input'];
};

export type Set_Flow_Run_State_Input = {
  flow_run_id: Scalars['UUID']['input'];
  state: Scalars['JSON']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};

export type Set_Flow_Run_State_Payload = {
  flow_run?: Maybe<Flow_Run>;
  id: Scalars['UUID']['output'];
  message?: Maybe<Scalars['String']['output']>;
  status: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

export type Set_Flow_Run_States_By_Filter_Input = {
  /** The new state, e.g. {"type": "Failed", "message": "Marked by hand"} */
  state: Scalars['JSON']['input'];
  where: Flow_Run_Bool_Exp;
};

export type Set_Flow_Run_States_Input = {
  states: Array<Set_Flow_Run_State_Input>;
};

export type Set_Flow_Run_States_Payload = {
  states: Array<Set_Flow_Run_State_Payload>;
};

export type Set_Schedule_Active_Input = {
  flow_id: Scalars['UUID']['input'];
};

export type Set_Schedule_Inactive_Input = {
  flow_id: Scalars['UUID']['input'];
};

export type Set_Task_Run_Name_Input = {
  name: Scalars['String']['input'];
  task_run_id: Scalars['UUID']['input'];
};

export type Set_Task_Run_State_Input = {
  /** Accepted for Prefect 1 clients and ignored */
  flow_run_version?: InputMaybe<Scalars['Int']['input']>;
  state: Scalars['JSON']['input'];
  task_run_id: Scalars['UUID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};

export type Set_Task_Run_State_Payload = {
  id: Scalars['UUID']['output'];
  message?: Maybe<Scalars['String']['output']>;
  status: Scalars['String']['output'];
  task_run?: Maybe<Task_Run>;
  version: Scalars['Int']['output'];
};

export type Set_Task_Run_States_Input = {
  states: Array<Set_Task_Run_State_Input>;
};

export type Set_Task_Run_States_Payload = {
  states: Array<Set_Task_Run_State_Payload>;
};

export type Skipped_Flow_Run = {
  id: Scalars['UUID']['output'];
  reason: Scalars['String']['output'];
  state: Scalars['String']['output'];
};

export type Success_Payload = {
  error?: Maybe<Scalars['String']['output']>;
  success: Scalars['Boolean']['output'];
};

export type Task = {
  auto_generated?: Maybe<Scalars['Boolean']['output']>;
  cache_key?: Maybe<Scalars['String']['output']>;
  created?: Maybe<Scalars['timestamptz']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  downstream_edges: Array<Edge>;
  flow?: Maybe<Flow>;
  flow_id?: Maybe<Scalars['uuid']['output']>;
  id?: Maybe<Scalars['uuid']['output']>;
  is_reference_task?: Maybe<Scalars['Boolean']['output']>;
  is_root_task?: Maybe<Scalars['Boolean']['output']>;
  is_terminal_task?: Maybe<Scalars['Boolean']['output']>;
  mapped?: Maybe<Scalars['Boolean']['output']>;
  max_retries?: Maybe<Scalars['Int']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  retry_delay?: Maybe<Scalars['String']['output']>;
  slug?: Maybe<Scalars['String']['output']>;
  tags?: Maybe<Scalars['jsonb']['output']>;
  task_runs: Array<Task_Run>;
  trigger?: Maybe<Scalars['String']['output']>;
  type?: Maybe<Scalars['String']['output']>;
  updated?: Maybe<Scalars['timestamptz']['output']>;
  upstream_edges: Array<Edge>;
};


export type TaskDownstream_EdgesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Edge_Order_By>>;
  where?: InputMaybe<Edge_Bool_Exp>;
};


export type TaskTask_RunsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Task_Run_Order_By>>;
  where?: InputMaybe<Task_Run_Bool_Exp>;
};


export type TaskUpstream_EdgesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Edge_Order_By>>;
  where?: InputMaybe<Edge_Bool_Exp>;
};

export type Task_Aggregate = {
  aggregate: Task_Aggregate_Fields;
};

export type Task_Aggregate_Fields = {
  count: Scalars['Int']['output'];
};

export type Task_Bool_Exp = {
  _and?: InputMaybe<Array<Task_Bool_Exp>>;
  _not?: InputMaybe<Task_Bool_Exp>;
  _or?: InputMaybe<Array<Task_Bool_Exp>>;
  auto_generated?: InputMaybe<Boolean_Comparison_Exp>;
  cache_key?: InputMaybe<String_Comparison_Exp>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  description?: InputMaybe<String_Comparison_Exp>;
  downstream_edges?: InputMaybe<Edge_Bool_Exp>;
  flow?: InputMaybe<Flow_Bool_Exp>;
  flow_id?: InputMaybe<Uuid_Comparison_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  is_reference_task?: InputMaybe<Boolean_Comparison_Exp>;
  is_root_task?: InputMaybe<Boolean_Comparison_Exp>;
  is_terminal_task?: InputMaybe<Boolean_Comparison_Exp>;
  mapped?: InputMaybe<Boolean_Comparison_Exp>;
  max_retries?: InputMaybe<Int_Comparison_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  retry_delay?: InputMaybe<String_Comparison_Exp>;
  slug?: InputMaybe<String_Comparison_Exp>;
  tags?: InputMaybe<Jsonb_Comparison_Exp>;
  task_runs?: InputMaybe<Task_Run_Bool_Exp>;
  trigger?: InputMaybe<String_Comparison_Exp>;
  type?: InputMaybe<String_Comparison_Exp>;
  updated?: InputMaybe<Timestamptz_Comparison_Exp>;
  upstream_edges?: InputMaybe<Edge_Bool_Exp>;
};

export type Task_Order_By = {
  auto_generated?: InputMaybe<Order_By>;
  cache_key?: InputMaybe<Order_By>;
  created?: InputMaybe<Order_By>;
  description?: InputMaybe<Order_By>;
  flow?: InputMaybe<Flow_Order_By>;
  flow_id?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  is_reference_task?: InputMaybe<Order_By>;
  is_root_task?: InputMaybe<Order_By>;
  is_terminal_task?: InputMaybe<Order_By>;
  mapped?: InputMaybe<Order_By>;
  max_retries?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  retry_delay?: InputMaybe<Order_By>;
  slug?: InputMaybe<Order_By>;
  tags?: InputMaybe<Order_By>;
  trigger?: InputMaybe<Order_By>;
  type?: InputMaybe<Order_By>;
  updated?: InputMaybe<Order_By>;
};

export type Task_Run = {
  cache_key?: Maybe<Scalars['String']['output']>;
  created?: Maybe<Scalars['timestamptz']['output']>;
  end_time?: Maybe<Scalars['timestamptz']['output']>;
  flow_run?: Maybe<Flow_Run>;
  flow_run_id?: Maybe<Scalars['uuid']['output']>;
  heartbeat?: Maybe<Scalars['timestamptz']['output']>;
  id?: Maybe<Scalars['uuid']['output']>;
  logs: Array<Log>;
  map_index?: Maybe<Scalars['Int']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  run_count?: Maybe<Scalars['Int']['output']>;
  serialized_state?: Maybe<Scalars['jsonb']['output']>;
  start_time?: Maybe<Scalars['timestamptz']['output']>;
  state?: Maybe<Scalars['String']['output']>;
  state_id?: Maybe<Scalars['uuid']['output']>;
  state_message?: Maybe<Scalars['String']['output']>;
  state_result?: Maybe<Scalars['jsonb']['output']>;
  state_start_time?: Maybe<Scalars['timestamptz']['output']>;
  state_timestamp?: Maybe<Scalars['timestamptz']['output']>;
  state_type?: Maybe<Scalars['String']['output']>;
  states: Array<Task_Run_State>;
  task?: Maybe<Task>;
  task_id?: Maybe<Scalars['uuid']['output']>;
  updated?: Maybe<Scalars['timestamptz']['output']>;
  version?: Maybe<Scalars['Int']['output']>;
};


export type Task_RunLogsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Log_Order_By>>;
  where?: InputMaybe<Log_Bool_Exp>;
};


export type Task_RunStatesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  order_by?: InputMaybe<Array<Task_Run_State_Order_By>>;
  where?: InputMaybe<Task_Run_State_Bool_Exp>;
};

export type Task_Run_Aggregate = {
  aggregate: Task_Run_Aggregate_Fields;
};

export type Task_Run_Aggregate_Fields = {
  count: Scalars['Int']['output'];
};

export type Task_Run_Bool_Exp = {
  _and?: InputMaybe<Array<Task_Run_Bool_Exp>>;
  _not?: InputMaybe<Task_Run_Bool_Exp>;
  _or?: InputMaybe<Array<Task_Run_Bool_Exp>>;
  cache_key?: InputMaybe<String_Comparison_Exp>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  end_time?: InputMaybe<Timestamptz_Comparison_Exp>;
  flow_run?: InputMaybe<Flow_Run_Bool_Exp>;
  flow_run_id?: InputMaybe<Uuid_Comparison_Exp>;
  heartbeat?: InputMaybe<Timestamptz_Comparison_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  logs?: InputMaybe<Log_Bool_Exp>;
  map_index?: InputMaybe<Int_Comparison_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  run_count?: InputMaybe<Int_Comparison_Exp>;
  serialized_state?: InputMaybe<Jsonb_Comparison_Exp>;
  start_time?: InputMaybe<Timestamptz_Comparison_Exp>;
  state?: InputMaybe<String_Comparison_Exp>;
  state_id?: InputMaybe<Uuid_Comparison_Exp>;
  state_message?: InputMaybe<String_Comparison_Exp>;
  state_result?: InputMaybe<Jsonb_Comparison_Exp>;
  state_start_time?: InputMaybe<Timestamptz_Comparison_Exp>;
  state_timestamp?: InputMaybe<Timestamptz_Comparison_Exp>;
  state_type?: InputMaybe<String_Comparison_Exp>;
  states?: InputMaybe<Task_Run_State_Bool_Exp>;
  task?: InputMaybe<Task_Bool_Exp>;
  task_id?: InputMaybe<Uuid_Comparison_Exp>;
  updated?: InputMaybe<Timestamptz_Comparison_Exp>;
  version?: InputMaybe<Int_Comparison_Exp>;
};

export type Task_Run_Order_By = {
  cache_key?: InputMaybe<Order_By>;
  created?: InputMaybe<Order_By>;
  end_time?: InputMaybe<Order_By>;
  flow_run?: InputMaybe<Flow_Run_Order_By>;
  flow_run_id?: InputMaybe<Order_By>;
  heartbeat?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  map_index?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  run_count?: InputMaybe<Order_By>;
  serialized_state?: InputMaybe<Order_By>;
  start_time?: InputMaybe<Order_By>;
  state?: InputMaybe<Order_By>;
  state_id?: InputMaybe<Order_By>;
  state_message?: InputMaybe<Order_By>;
  state_result?: InputMaybe<Order_By>;
  state_start_time?: InputMaybe<Order_By>;
  state_timestamp?: InputMaybe<Order_By>;
  state_type?: InputMaybe<Order_By>;
  task?: InputMaybe<Task_Order_By>;
  task_id?: InputMaybe<Order_By>;
  updated?: InputMaybe<Order_By>;
  version?: InputMaybe<Order_By>;
};

export type Task_Run_State = {
  created?: Maybe<Scalars['timestamptz']['output']>;
  created_by?: Maybe<Scalars['jsonb']['output']>;
  id?: Maybe<Scalars['uuid']['output']>;
  message?: Maybe<Scalars['String']['output']>;
  /** Where this row stands in its table's stream (`<table>_stream`): a client that resumes from it gets every row after it exactly once. Opaque; compare for equality. */
  position?: Maybe<Scalars['String']['output']>;
  result?: Maybe<Scalars['jsonb']['output']>;
  serialized_state?: Maybe<Scalars['jsonb']['output']>;
  start_time?: Maybe<Scalars['timestamptz']['output']>;
  state?: Maybe<Scalars['String']['output']>;
  task_run?: Maybe<Task_Run>;
  task_run_id?: Maybe<Scalars['uuid']['output']>;
  timestamp?: Maybe<Scalars['timestamptz']['output']>;
  type?: Maybe<Scalars['String']['output']>;
  version?: Maybe<Scalars['Int']['output']>;
};

export type Task_Run_State_Aggregate = {
  aggregate: Task_Run_State_Aggregate_Fields;
};

export type Task_Run_State_Aggregate_Fields = {
  count: Scalars['Int']['output'];
};

export type Task_Run_State_Bool_Exp = {
  _and?: InputMaybe<Array<Task_Run_State_Bool_Exp>>;
  _not?: InputMaybe<Task_Run_State_Bool_Exp>;
  _or?: InputMaybe<Array<Task_Run_State_Bool_Exp>>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  created_by?: InputMaybe<Jsonb_Comparison_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  message?: InputMaybe<String_Comparison_Exp>;
  result?: InputMaybe<Jsonb_Comparison_Exp>;
  serialized_state?: InputMaybe<Jsonb_Comparison_Exp>;
  start_time?: InputMaybe<Timestamptz_Comparison_Exp>;
  state?: InputMaybe<String_Comparison_Exp>;
  task_run?: InputMaybe<Task_Run_Bool_Exp>;
  task_run_id?: InputMaybe<Uuid_Comparison_Exp>;
  timestamp?: InputMaybe<Timestamptz_Comparison_Exp>;
  type?: InputMaybe<String_Comparison_Exp>;
  version?: InputMaybe<Int_Comparison_Exp>;
};

export type Task_Run_State_Order_By = {
  created?: InputMaybe<Order_By>;
  created_by?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  message?: InputMaybe<Order_By>;
  result?: InputMaybe<Order_By>;
  serialized_state?: InputMaybe<Order_By>;
  start_time?: InputMaybe<Order_By>;
  state?: InputMaybe<Order_By>;
  task_run?: InputMaybe<Task_Run_Order_By>;
  task_run_id?: InputMaybe<Order_By>;
  timestamp?: InputMaybe<Order_By>;
  type?: InputMaybe<Order_By>;
  version?: InputMaybe<Order_By>;
};

export type Task_Run_State_Stream_Cursor_Input = {
  initial_value: Task_Run_State_Stream_Cursor_Value_Input;
  ordering?: InputMaybe<Cursor_Ordering>;
};

export type Task_Run_State_Stream_Cursor_Value_Input = {
  /** A row's `position` as the stream sent it; rows after it come next. Omit it to start from the first row. */
  position?: InputMaybe<Scalars['String']['input']>;
};

export type Task_Tag_Limit = {
  created?: Maybe<Scalars['timestamptz']['output']>;
  id?: Maybe<Scalars['uuid']['output']>;
  limit?: Maybe<Scalars['Int']['output']>;
  tag?: Maybe<Scalars['String']['output']>;
  updated?: Maybe<Scalars['timestamptz']['output']>;
};

export type Task_Tag_Limit_Aggregate = {
  aggregate: Task_Tag_Limit_Aggregate_Fields;
};

export type Task_Tag_Limit_Aggregate_Fields = {
  count: Scalars['Int']['output'];
};

export type Task_Tag_Limit_Bool_Exp = {
  _and?: InputMaybe<Array<Task_Tag_Limit_Bool_Exp>>;
  _not?: InputMaybe<Task_Tag_Limit_Bool_Exp>;
  _or?: InputMaybe<Array<Task_Tag_Limit_Bool_Exp>>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  limit?: InputMaybe<Int_Comparison_Exp>;
  tag?: InputMaybe<String_Comparison_Exp>;
  updated?: InputMaybe<Timestamptz_Comparison_Exp>;
};

export type Task_Tag_Limit_Order_By = {
  created?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  limit?: InputMaybe<Order_By>;
  tag?: InputMaybe<Order_By>;
  updated?: InputMaybe<Order_By>;
};

export type Tenant = {
  created?: Maybe<Scalars['timestamptz']['output']>;
  id?: Maybe<Scalars['uuid']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  slug?: Maybe<Scalars['String']['output']>;
  updated?: Maybe<Scalars['timestamptz']['output']>;
};

export type Tenant_Aggregate = {
  aggregate: Tenant_Aggregate_Fields;
};

export type Tenant_Aggregate_Fields = {
  count: Scalars['Int']['output'];
};

export type Tenant_Bool_Exp = {
  _and?: InputMaybe<Array<Tenant_Bool_Exp>>;
  _not?: InputMaybe<Tenant_Bool_Exp>;
  _or?: InputMaybe<Array<Tenant_Bool_Exp>>;
  created?: InputMaybe<Timestamptz_Comparison_Exp>;
  id?: InputMaybe<Uuid_Comparison_Exp>;
  name?: InputMaybe<String_Comparison_Exp>;
  slug?: InputMaybe<String_Comparison_Exp>;
  updated?: InputMaybe<Timestamptz_Comparison_Exp>;
};

export type Tenant_Id_Payload = {
  id: Scalars['UUID']['output'];
};

export type Tenant_Order_By = {
  created?: InputMaybe<Order_By>;
  id?: InputMaybe<Order_By>;
  name?: InputMaybe<Order_By>;
  slug?: InputMaybe<Order_By>;
  updated?: InputMaybe<Order_By>;
};

export type Timestamptz_Comparison_Exp = {
  _eq?: InputMaybe<Scalars['timestamptz']['input']>;
  _gt?: InputMaybe<Scalars['timestamptz']['input']>;
  _gte?: InputMaybe<Scalars['timestamptz']['input']>;
  _in?: InputMaybe<Array<Scalars['timestamptz']['input']>>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  _lt?: InputMaybe<Scalars['timestamptz']['input']>;
  _lte?: InputMaybe<Scalars['timestamptz']['input']>;
  _neq?: InputMaybe<Scalars['timestamptz']['input']>;
  _nin?: InputMaybe<Array<Scalars['timestamptz']['input']>>;
};

export type Update_Agent_Heartbeat_Input = {
  agent_id: Scalars['UUID']['input'];
};

export type Update_Flow_Run_Heartbeat_Input = {
  flow_run_id: Scalars['UUID']['input'];
};

export type Update_Task_Tag_Limit_Input = {
  /** At most this many task runs with the tag run at once (0 holds them all) */
  limit: Scalars['Int']['input'];
  tag: Scalars['String']['input'];
};

export type Update_Task_Tag_Limit_Payload = {
  id: Scalars['UUID']['output'];
};

export type Uuid_Comparison_Exp = {
  _eq?: InputMaybe<Scalars['uuid']['input']>;
  _gt?: InputMaybe<Scalars['uuid']['input']>;
  _gte?: InputMaybe<Scalars['uuid']['input']>;
  _in?: InputMaybe<Array<Scalars['uuid']['input']>>;
  _is_null?: InputMaybe<Scalars['Boolean']['input']>;
  _lt?: InputMaybe<Scalars['uuid']['input']>;
  _lte?: InputMaybe<Scalars['uuid']['input']>;
  _neq?: InputMaybe<Scalars['uuid']['input']>;
  _nin?: InputMaybe<Array<Scalars['uuid']['input']>>;
};

export type Write_Run_Log_Input = {
  flow_run_id: Scalars['UUID']['input'];
  info?: InputMaybe<Scalars['JSON']['input']>;
  level?: InputMaybe<Scalars['String']['input']>;
  message?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  task_run_id?: InputMaybe<Scalars['UUID']['input']>;
  timestamp?: InputMaybe<Scalars['DateTime']['input']>;
};

export type Write_Run_Logs_Input = {
  logs: Array<Write_Run_Log_Input>;
};

/** A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations. */
export type __Schema = {
  description?: Maybe<Scalars['String']['output']>;
  /** A list of all types supported by this server. */
  types: Array<__Type>;
  /** The type that query operations will be rooted at. */
  queryType: __Type;
  /** If this server supports mutation, the type that mutation operations will be rooted at. */
  mutationType?: Maybe<__Type>;
  /** If this server support subscription, the type that subscription operations will be rooted at. */
  subscriptionType?: Maybe<__Type>;
  /** A list of all directives supported by this server. */
  directives: Array<__Directive>;
};


/** A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations. */
export type __SchemaDirectivesArgs = {
  includeDeprecated?: Scalars['Boolean']['input'];
};

/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __Type = {
  kind: __TypeKind;
  name?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  specifiedByURL?: Maybe<Scalars['String']['output']>;
  fields?: Maybe<Array<__Field>>;
  interfaces?: Maybe<Array<__Type>>;
  possibleTypes?: Maybe<Array<__Type>>;
  enumValues?: Maybe<Array<__EnumValue>>;
  inputFields?: Maybe<Array<__InputValue>>;
  ofType?: Maybe<__Type>;
  isOneOf?: Maybe<Scalars['Boolean']['output']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeFieldsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeEnumValuesArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeInputFieldsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** An enum describing what kind of type a given `__Type` is. */
export type __TypeKind =
  /** Indicates this type is a scalar. */
  | 'SCALAR'
  /** Indicates this type is an object. `fields` and `interfaces` are valid fields. */
  | 'OBJECT'
  /** Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields. */
  | 'INTERFACE'
  /** Indicates this type is a union. `possibleTypes` is a valid field. */
  | 'UNION'
  /** Indicates this type is an enum. `enumValues` is a valid field. */
  | 'ENUM'
  /** Indicates this type is an input object. `inputFields` is a valid field. */
  | 'INPUT_OBJECT'
  /** Indicates this type is a list. `ofType` is a valid field. */
  | 'LIST'
  /** Indicates this type is a non-null. `ofType` is a valid field. */
  | 'NON_NULL';

/** Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type. */
export type __Field = {
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  args: Array<__InputValue>;
  type: __Type;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};


/** Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type. */
export type __FieldArgsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value. */
export type __InputValue = {
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  type: __Type;
  /** A GraphQL-formatted string representing the default value for this input value. */
  defaultValue?: Maybe<Scalars['String']['output']>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};

/** One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string. */
export type __EnumValue = {
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};

/**
 * A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.
 *
 * In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.
 */
export type __Directive = {
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  isRepeatable: Scalars['Boolean']['output'];
  locations: Array<__DirectiveLocation>;
  args: Array<__InputValue>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};


/**
 * A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.
 *
 * In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.
 */
export type __DirectiveArgsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies. */
export type __DirectiveLocation =
  /** Location adjacent to a query operation. */
  | 'QUERY'
  /** Location adjacent to a mutation operation. */
  | 'MUTATION'
  /** Location adjacent to a subscription operation. */
  | 'SUBSCRIPTION'
  /** Location adjacent to a field. */
  | 'FIELD'
  /** Location adjacent to a fragment definition. */
  | 'FRAGMENT_DEFINITION'
  /** Location adjacent to a fragment spread. */
  | 'FRAGMENT_SPREAD'
  /** Location adjacent to an inline fragment. */
  | 'INLINE_FRAGMENT'
  /** Location adjacent to a variable definition. */
  | 'VARIABLE_DEFINITION'
  /** Location adjacent to a schema definition. */
  | 'SCHEMA'
  /** Location adjacent to a scalar definition. */
  | 'SCALAR'
  /** Location adjacent to an object type definition. */
  | 'OBJECT'
  /** Location adjacent to a field definition. */
  | 'FIELD_DEFINITION'
  /** Location adjacent to an argument definition. */
  | 'ARGUMENT_DEFINITION'
  /** Location adjacent to an interface definition. */
  | 'INTERFACE'
  /** Location adjacent to a union definition. */
  | 'UNION'
  /** Location adjacent to an enum definition. */
  | 'ENUM'
  /** Location adjacent to an enum value definition. */
  | 'ENUM_VALUE'
  /** Location adjacent to an input object type definition. */
  | 'INPUT_OBJECT'
  /** Location adjacent to an input object field definition. */
  | 'INPUT_FIELD_DEFINITION'
  /** Location adjacent to a directive definition. */
  | 'DIRECTIVE_DEFINITION';

export type DashboardQueryVariables = Exact<{
  window: Flow_Run_Bool_Exp;
  since: Scalars['timestamptz']['input'];
}>;


export type DashboardQuery = { scheduled: { aggregate: { count: number } }, pending: { aggregate: { count: number } }, running: { aggregate: { count: number } }, paused: { aggregate: { count: number } }, cancelling: { aggregate: { count: number } }, completed: { aggregate: { count: number } }, failed: { aggregate: { count: number } }, cancelled: { aggregate: { count: number } }, crashed: { aggregate: { count: number } }, late: { aggregate: { count: number } }, in_progress: Array<{ id?: string | null, name?: string | null, state?: string | null, state_type?: string | null, start_time?: string | null, flow?: { id?: string | null, name?: string | null } | null }>, upcoming: Array<{ id?: string | null, name?: string | null, state?: string | null, state_type?: string | null, scheduled_start_time?: string | null, flow?: { id?: string | null, name?: string | null } | null }>, failures: Array<{ id?: string | null, name?: string | null, state?: string | null, state_type?: string | null, state_message?: string | null, state_timestamp?: string | null, flow?: { id?: string | null, name?: string | null } | null }>, agent: Array<{ id?: string | null, name?: string | null, type?: string | null, labels?: unknown | null, last_queried?: string | null }> };

export type RunHistoryQueryVariables = Exact<{
  since: Scalars['timestamptz']['input'];
  limit: Scalars['Int']['input'];
}>;


export type RunHistoryQuery = { flow_run: Array<{ end_time?: string | null, state_type?: string | null }> };

export type FlowsQueryVariables = Exact<{
  where: Flow_Bool_Exp;
}>;


export type FlowsQuery = { flow: Array<{ id?: string | null, name?: string | null, version?: number | null, labels?: unknown | null, schedule?: unknown | null, is_schedule_active?: boolean | null, project?: { id?: string | null, name?: string | null } | null, flow_runs: Array<{ id?: string | null, name?: string | null, state?: string | null, state_type?: string | null }> }>, project: Array<{ id?: string | null, name?: string | null }> };

export type FlowQueryVariables = Exact<{
  id: Scalars['uuid']['input'];
}>;


export type FlowQuery = { flow_by_pk?: { id?: string | null, name?: string | null, version?: number | null, archived?: boolean | null, description?: string | null, parameters?: unknown | null, parameter_schema?: unknown | null, labels?: unknown | null, schedule?: unknown | null, is_schedule_active?: boolean | null, created?: string | null, project?: { id?: string | null, name?: string | null } | null, flow_group?: { id?: string | null, labels?: unknown | null, default_parameters?: unknown | null, flows: Array<{ id?: string | null, version?: number | null, archived?: boolean | null, created?: string | null }> } | null } | null };

export type FlowRunsQueryVariables = Exact<{
  where: Flow_Run_Bool_Exp;
  order_by: Array<Flow_Run_Order_By> | Flow_Run_Order_By;
  limit: Scalars['Int']['input'];
  offset: Scalars['Int']['input'];
}>;


export type FlowRunsQuery = { flow_run: Array<{ id?: string | null, name?: string | null, state?: string | null, state_type?: string | null, version?: number | null, labels?: unknown | null, scheduled_start_time?: string | null, start_time?: string | null, end_time?: string | null, flow?: { id?: string | null, name?: string | null, project?: { id?: string | null, name?: string | null } | null } | null }> };

export type FlowRunsCountQueryVariables = Exact<{
  where: Flow_Run_Bool_Exp;
}>;


export type FlowRunsCountQuery = { flow_run_aggregate: { aggregate: { count: number } } };

export type FilterChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type FilterChoicesQuery = { flow: Array<{ id?: string | null, name?: string | null, flow_group_id?: string | null }>, project: Array<{ id?: string | null, name?: string | null }> };

export type FlowRunQueryVariables = Exact<{
  id: Scalars['uuid']['input'];
}>;


export type FlowRunQuery = { flow_run_by_pk?: { id?: string | null, name?: string | null, state?: string | null, state_type?: string | null, state_message?: string | null, version?: number | null, parameters?: unknown | null, context?: unknown | null, labels?: unknown | null, idempotency_key?: string | null, scheduled_start_time?: string | null, start_time?: string | null, end_time?: string | null, created?: string | null, run_count?: number | null, late?: boolean | null, wait_reason?: string | null, created_by?: unknown | null, flow?: { id?: string | null, name?: string | null, version?: number | null, project?: { id?: string | null, name?: string | null } | null } | null, states: Array<{ id?: string | null, version?: number | null, state?: string | null, type?: string | null, message?: string | null, timestamp?: string | null, created_by?: unknown | null }>, task_runs: Array<{ id?: string | null, name?: string | null, map_index?: number | null, state?: string | null, state_type?: string | null, state_message?: string | null, version?: number | null, start_time?: string | null, end_time?: string | null, task?: { id?: string | null, name?: string | null, slug?: string | null } | null }> } | null };

export type FlowRunLogsQueryVariables = Exact<{
  where: Log_Bool_Exp;
  limit: Scalars['Int']['input'];
}>;


export type FlowRunLogsQuery = { log: Array<{ id?: string | null, timestamp?: string | null, level?: string | null, name?: string | null, message?: string | null, task_run_id?: string | null }> };

export type CreateFlowRunMutationVariables = Exact<{
  input: Create_Flow_Run_Input;
}>;


export type CreateFlowRunMutation = { create_flow_run: { id: string } };

export type SetFlowRunStatesMutationVariables = Exact<{
  input: Set_Flow_Run_States_Input;
}>;


export type SetFlowRunStatesMutation = { set_flow_run_states: { states: Array<{ id: string, version: number, status: string, message?: string | null }> } };

export type SetTaskRunStatesMutationVariables = Exact<{
  input: Set_Task_Run_States_Input;
}>;


export type SetTaskRunStatesMutation = { set_task_run_states: { states: Array<{ id: string, version: number, status: string }> } };

export type CancelFlowRunMutationVariables = Exact<{
  input: Cancel_Flow_Run_Input;
}>;


export type CancelFlowRunMutation = { cancel_flow_run: { state: string } };

export type DeleteFlowRunMutationVariables = Exact<{
  input: Flow_Run_Id_Input;
}>;


export type DeleteFlowRunMutation = { delete_flow_run: { success: boolean, error?: string | null } };

export type CancelFlowRunsMutationVariables = Exact<{
  input: Flow_Runs_Where_Input;
}>;


export type CancelFlowRunsMutation = { cancel_flow_runs: { ids: Array<string>, count: number, skipped: Array<{ id: string, state: string, reason: string }> } };

export type DeleteFlowRunsMutationVariables = Exact<{
  input: Flow_Runs_Where_Input;
}>;


export type DeleteFlowRunsMutation = { delete_flow_runs: { ids: Array<string>, count: number, skipped: Array<{ id: string, state: string, reason: string }> } };

export type SetFlowRunStatesByFilterMutationVariables = Exact<{
  input: Set_Flow_Run_States_By_Filter_Input;
}>;


export type SetFlowRunStatesByFilterMutation = { set_flow_run_states_by_filter: { ids: Array<string>, count: number, skipped: Array<{ id: string, state: string, reason: string }> } };

export type RestartFlowRunMutationVariables = Exact<{
  input: Restart_Flow_Run_Input;
}>;


export type RestartFlowRunMutation = { restart_flow_run: { id: string, version: number, task_run_ids: Array<string> } };

export type ServerCheckQueryVariables = Exact<{ [key: string]: never; }>;


export type ServerCheckQuery = { flow_run_aggregate: { aggregate: { count: number } } };

export type SubscriptionSupportQueryVariables = Exact<{ [key: string]: never; }>;


export type SubscriptionSupportQuery = { __schema: { subscriptionType?: { name?: string | null } | null } };


export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"window"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"flow_run_bool_exp"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"timestamptz"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"scheduled"},"name":{"kind":"Name","value":"flow_run_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_and"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"window"}},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"SCHEDULED","block":false}}]}}]}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"pending"},"name":{"kind":"Name","value":"flow_run_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_and"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"window"}},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"PENDING","block":false}}]}}]}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"running"},"name":{"kind":"Name","value":"flow_run_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_and"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"window"}},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"RUNNING","block":false}}]}}]}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"paused"},"name":{"kind":"Name","value":"flow_run_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_and"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"window"}},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"PAUSED","block":false}}]}}]}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"cancelling"},"name":{"kind":"Name","value":"flow_run_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_and"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"window"}},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"CANCELLING","block":false}}]}}]}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"completed"},"name":{"kind":"Name","value":"flow_run_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_and"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"window"}},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"COMPLETED","block":false}}]}}]}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"failed"},"name":{"kind":"Name","value":"flow_run_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_and"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"window"}},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"FAILED","block":false}}]}}]}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"cancelled"},"name":{"kind":"Name","value":"flow_run_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_and"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"window"}},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"CANCELLED","block":false}}]}}]}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"crashed"},"name":{"kind":"Name","value":"flow_run_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_and"},"value":{"kind":"ListValue","values":[{"kind":"Variable","name":{"kind":"Name","value":"window"}},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"CRASHED","block":false}}]}}]}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"late"},"name":{"kind":"Name","value":"flow_run_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"late"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"BooleanValue","value":true}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"in_progress"},"name":{"kind":"Name","value":"flow_run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_in"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"PENDING","block":false},{"kind":"StringValue","value":"RUNNING","block":false},{"kind":"StringValue","value":"CANCELLING","block":false},{"kind":"StringValue","value":"PAUSED","block":false}]}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state_timestamp"},"value":{"kind":"EnumValue","value":"desc"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"state_type"}},{"kind":"Field","name":{"kind":"Name","value":"start_time"}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"upcoming"},"name":{"kind":"Name","value":"flow_run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"StringValue","value":"SCHEDULED","block":false}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"scheduled_start_time"},"value":{"kind":"EnumValue","value":"asc"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"state_type"}},{"kind":"Field","name":{"kind":"Name","value":"scheduled_start_time"}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"failures"},"name":{"kind":"Name","value":"flow_run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state_type"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_in"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"FAILED","block":false},{"kind":"StringValue","value":"CRASHED","block":false}]}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"state_timestamp"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_gte"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"state_timestamp"},"value":{"kind":"EnumValue","value":"desc"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"state_type"}},{"kind":"Field","name":{"kind":"Name","value":"state_message"}},{"kind":"Field","name":{"kind":"Name","value":"state_timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"last_queried"},"value":{"kind":"EnumValue","value":"desc_nulls_last"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"last_queried"}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const RunHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RunHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"timestamptz"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow_run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"end_time"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_gte"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"end_time"},"value":{"kind":"EnumValue","value":"desc"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"end_time"}},{"kind":"Field","name":{"kind":"Name","value":"state_type"}}]}}]}}]} as unknown as DocumentNode<RunHistoryQuery, RunHistoryQueryVariables>;
export const FlowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Flows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"flow_bool_exp"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"}},{"kind":"Field","name":{"kind":"Name","value":"is_schedule_active"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flow_runs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"scheduled_start_time"},"value":{"kind":"EnumValue","value":"desc"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"state_type"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<FlowsQuery, FlowsQueryVariables>;
export const FlowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Flow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"parameter_schema"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"schedule"}},{"kind":"Field","name":{"kind":"Name","value":"is_schedule_active"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"flow_group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"default_parameters"}},{"kind":"Field","name":{"kind":"Name","value":"flows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"version"},"value":{"kind":"EnumValue","value":"desc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"created"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FlowQuery, FlowQueryVariables>;
export const FlowRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"flow_run_bool_exp"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"order_by"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"flow_run_order_by"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow_run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"order_by"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"state_type"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"scheduled_start_time"}},{"kind":"Field","name":{"kind":"Name","value":"start_time"}},{"kind":"Field","name":{"kind":"Name","value":"end_time"}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FlowRunsQuery, FlowRunsQueryVariables>;
export const FlowRunsCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowRunsCount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"flow_run_bool_exp"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow_run_aggregate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<FlowRunsCountQuery, FlowRunsCountQueryVariables>;
export const FilterChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FilterChoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"archived"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"_eq"},"value":{"kind":"BooleanValue","value":false}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"flow_group_id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"project"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<FilterChoicesQuery, FilterChoicesQueryVariables>;
export const FlowRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"uuid"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow_run_by_pk"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"state_type"}},{"kind":"Field","name":{"kind":"Name","value":"state_message"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"labels"}},{"kind":"Field","name":{"kind":"Name","value":"idempotency_key"}},{"kind":"Field","name":{"kind":"Name","value":"scheduled_start_time"}},{"kind":"Field","name":{"kind":"Name","value":"start_time"}},{"kind":"Field","name":{"kind":"Name","value":"end_time"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"run_count"}},{"kind":"Field","name":{"kind":"Name","value":"late"}},{"kind":"Field","name":{"kind":"Name","value":"wait_reason"}},{"kind":"Field","name":{"kind":"Name","value":"created_by"}},{"kind":"Field","name":{"kind":"Name","value":"flow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"states"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"version"},"value":{"kind":"EnumValue","value":"asc"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"created_by"}}]}},{"kind":"Field","name":{"kind":"Name","value":"task_runs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"start_time"},"value":{"kind":"EnumValue","value":"asc_nulls_last"}}]},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"created"},"value":{"kind":"EnumValue","value":"asc"}}]}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"map_index"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"state_type"}},{"kind":"Field","name":{"kind":"Name","value":"state_message"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"start_time"}},{"kind":"Field","name":{"kind":"Name","value":"end_time"}},{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FlowRunQuery, FlowRunQueryVariables>;
export const FlowRunLogsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowRunLogs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"log_bool_exp"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"log"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"order_by"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"timestamp"},"value":{"kind":"EnumValue","value":"asc"}}]},{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"EnumValue","value":"asc"}}]}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"task_run_id"}}]}}]}}]} as unknown as DocumentNode<FlowRunLogsQuery, FlowRunLogsQueryVariables>;
export const CreateFlowRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateFlowRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"create_flow_run_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"create_flow_run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateFlowRunMutation, CreateFlowRunMutationVariables>;
export const SetFlowRunStatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetFlowRunStates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"set_flow_run_states_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"set_flow_run_states"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"states"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<SetFlowRunStatesMutation, SetFlowRunStatesMutationVariables>;
export const SetTaskRunStatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetTaskRunStates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"set_task_run_states_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"set_task_run_states"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"states"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SetTaskRunStatesMutation, SetTaskRunStatesMutationVariables>;
export const CancelFlowRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelFlowRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"cancel_flow_run_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancel_flow_run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<CancelFlowRunMutation, CancelFlowRunMutationVariables>;
export const DeleteFlowRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteFlowRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"flow_run_id_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delete_flow_run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<DeleteFlowRunMutation, DeleteFlowRunMutationVariables>;
export const CancelFlowRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelFlowRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"flow_runs_where_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancel_flow_runs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ids"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<CancelFlowRunsMutation, CancelFlowRunsMutationVariables>;
export const DeleteFlowRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteFlowRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"flow_runs_where_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delete_flow_runs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ids"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteFlowRunsMutation, DeleteFlowRunsMutationVariables>;
export const SetFlowRunStatesByFilterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetFlowRunStatesByFilter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"set_flow_run_states_by_filter_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"set_flow_run_states_by_filter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ids"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"skipped"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<SetFlowRunStatesByFilterMutation, SetFlowRunStatesByFilterMutationVariables>;
export const RestartFlowRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestartFlowRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"restart_flow_run_input"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restart_flow_run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"task_run_ids"}}]}}]}}]} as unknown as DocumentNode<RestartFlowRunMutation, RestartFlowRunMutationVariables>;
export const ServerCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServerCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flow_run_aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"aggregate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}}]}}]}}]}}]} as unknown as DocumentNode<ServerCheckQuery, ServerCheckQueryVariables>;
export const SubscriptionSupportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubscriptionSupport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__schema"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscriptionType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SubscriptionSupportQuery, SubscriptionSupportQueryVariables>;