"""The hello flow: a plain Python function.

    flowrun register examples/hello.py:hello
    flowrun run -n hello --param name=Marvin --watch
"""

import logging

log = logging.getLogger("hello")


def hello(name: str = "world") -> None:
    """Say hello to someone."""
    log.info("Hello, %s!", name)
