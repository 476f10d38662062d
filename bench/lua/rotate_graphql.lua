-- rotate_graphql: one GraphQL query, its variables rotating through a list of JSON objects
-- (the million-row reads: by id, by label, by flow). Params: query (string), variables
-- (list of JSON texts).

local requests = {}
for i, variables in ipairs({{variables}}) do
  requests[i] = graphql_request({{query}}, variables)
end
request = rotating(requests)
