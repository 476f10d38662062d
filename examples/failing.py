"""A flow that fails, to see a Failed run with its error and traceback.

    flowrun register examples/failing.py:failing
    flowrun run -n failing --watch        # exits 1
"""

import logging

log = logging.getLogger("failing")


def failing(reason: str = "something went wrong") -> None:
    log.info("About to fail")
    raise RuntimeError(reason)
