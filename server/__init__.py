"""flowrun: a self-hosted orchestration API for flow runs, in the style of Prefect Server v1."""

__version__ = "0.1.0"
