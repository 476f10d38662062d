"""The agent: claims due runs over HTTP and runs each flow function in a child process.

    agent.py     the main loop: register, claim, watch for cancellations, back off
    worker.py    one run: Running, child process, heartbeats, cancel, Success/Failed
    process.py   the child process and the threads that read its output
    logship.py   ships log records to the server in batches
    child.py     the child's entry point (imports nothing heavy)
    context.py   the run's context, for flow code: `from server.agent import context`

The agent speaks to the server only through server.client (rule 5 of ARCHITECTURE.md)."""
