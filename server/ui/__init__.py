"""The web UI and the GraphiQL playground: built static files (`make ui` writes them into
`dist/`), served by the API process with a restrictive Content-Security-Policy."""

from .serve import UI

__all__ = ["UI"]
