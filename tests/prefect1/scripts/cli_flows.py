"""A flow file for `prefect register --path` (names and labels come from the environment).

Stored as this script, so its serialized form, and so `prefect register`'s idempotency key,
is the same at every registration (pickled Local storage names a new file each time)."""

import os

from flows import arithmetic_flow
from prefect.storage import Local

flow = arithmetic_flow(os.environ["FLOWRUN_P1_FLOW_NAME"],
                       os.environ["FLOWRUN_P1_LABELS"].split(","))
flow.storage = Local(path=os.path.abspath(__file__), stored_as_script=True,
                     add_default_labels=False)
