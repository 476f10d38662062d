"""The GraphQL door: Strawberry types generated from the entity registry, mutations that call
one service each, and a Starlette endpoint that caches parsed and validated documents."""
