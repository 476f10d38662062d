"""Take docs/ui-run-page.png, the README's picture of the run page, from a real run.

    .venv/bin/python docs/screenshot.py

A fresh SQLite database, a server and an agent; tests/ui/flows.py:greet is registered with
the CLI and run with parameters, the agent finishes it, and Chromium photographs its page."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server.client import Client  # noqa: E402
from server.database import migrate  # noqa: E402
from tests.e2e.motion import agents, cli, wait_for  # noqa: E402
from tests.live import start_server  # noqa: E402
from tests.ui.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

OUT = ROOT / "docs" / "ui-run-page.png"


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite:///{directory}/shot.db"
        migrate.upgrade(url)
        with start_server(url) as server, Client(server.graphql_url) as api:
            done = cli(server.graphql_url, "register", "tests/ui/flows.py:greet",
                       "--project", "examples", "--label", "demo")
            assert done.returncode == 0, done.stderr
            flow_id = api.find_flows(name="greet")[0].id
            run_id = api.create_flow_run(flow_id=flow_id, run_name="brave-otter",
                                         parameters={"who": "Marvin", "times": 3},
                                         labels=["demo"])
            with agents(server.graphql_url, 1, "--label", "demo"):
                wait_for(lambda: api.get_flow_run_info(run_id).state == "Success", 120)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                     args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 1000},
                                        device_scale_factor=1)
                page.goto(f"{server.url}/runs/{run_id}")
                page.get_by_role("log").get_by_text("Hello, Marvin!").first.wait_for()
                page.screenshot(path=str(OUT), full_page=True)
                browser.close()
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
