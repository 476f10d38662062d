"""Run children forked by the warm fork server are as isolated as interpreter starts: their own
session, environment, working directory and modules; output and log records come back; a
failing flow fails; stopping one kills its whole process group; and without the fork server
the plain interpreter start still works."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from server.agent import forkserver
from server.agent.process import ChildProcess

FLOWS = '''
import os, sys, time, subprocess, logging
import flow_state

def report(tag):
    flow_state.count += 1
    print(f"{tag} pid={os.getpid()} sid={os.getsid(0)} run={os.environ['FLOWRUN_FLOW_RUN_ID']} "
          f"cwd={os.getcwd()} count={flow_state.count}")
    logging.getLogger("flow").info("record from %s", tag)

def fail():
    raise RuntimeError("boom")

def sleepy(pidfile):
    grandchild = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    with open(pidfile, "w") as f:
        f.write(str(grandchild.pid))
    time.sleep(60)
'''


@pytest.fixture
def flows(tmp_path: Path) -> Path:
    (tmp_path / "flows.py").write_text(FLOWS)
    (tmp_path / "flow_state.py").write_text("count = 0\n")
    return tmp_path / "flows.py"


class Collected:
    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []
        self.lock = threading.Lock()

    def __call__(self, record: dict[str, Any]) -> None:
        with self.lock:
            self.records.append(record)

    def messages(self) -> list[str]:
        return [r["message"] for r in self.records]


def start(flows: Path, function: str, run_id: str, **parameters: Any) -> tuple[ChildProcess,
                                                                              Collected]:
    sink = Collected()
    spec = {"storage": {"type": "Local", "path": str(flows), "function": function},
            "parameters": parameters, "context": {}, "flow_name": function,
            "log_level": "INFO"}
    child = ChildProcess(run_id, spec, sink)
    child.start()
    return child, sink


def finish(child: ChildProcess) -> int | None:
    code = child.wait(60)
    child.join_readers(10)
    return code


def test_runs_are_forked_warm_each_in_its_own_session_env_cwd_and_modules(
    flows: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    started = [start(flows, "report", f"run-{i}", tag=f"t{i}") for i in range(3)]
    for child, _sink in started:
        assert isinstance(child.process, forkserver.ForkedProcess)
        assert finish(child) == 0
        assert child.result == {"kind": "result", "ok": True, "message": None}
    for i, (child, sink) in enumerate(started):
        line = next(m for m in sink.messages() if m.startswith(f"t{i} "))
        fields = dict(part.split("=", 1) for part in line.split()[1:])
        assert fields["pid"] == fields["sid"] == str(child.pid)
        assert fields["run"] == f"run-{i}"
        assert fields["cwd"] == str(tmp_path)
        assert fields["count"] == "1"  # the flow's modules are fresh in every run
        assert f"record from t{i}" in sink.messages()
    assert len({child.pid for child, _ in started}) == 3


def test_a_failing_flow_reports_its_error_and_a_non_zero_exit(flows: Path) -> None:
    child, sink = start(flows, "fail", "run-fail")
    assert finish(child) == 1
    assert child.result is not None
    assert child.result["ok"] is False
    assert child.result["message"] == "RuntimeError: boom"
    assert any("Flow run failed: RuntimeError: boom" in m for m in sink.messages())


def test_stopping_a_forked_run_kills_its_process_group(flows: Path, tmp_path: Path) -> None:
    pidfile = tmp_path / "grandchild.pid"
    child, _ = start(flows, "sleepy", "run-sleepy", pidfile=str(pidfile))
    deadline = time.monotonic() + 30
    while not (pidfile.exists() and pidfile.read_text()):
        assert time.monotonic() < deadline, "the flow never started its grandchild"
        time.sleep(0.05)
    grandchild = int(pidfile.read_text())
    child.stop(grace=5)
    code = child.wait(10)
    assert code is not None and code < 0  # killed by a signal
    deadline = time.monotonic() + 10
    while _alive(grandchild):
        assert time.monotonic() < deadline, "the grandchild outlived the stop"
        time.sleep(0.05)


def test_without_the_fork_server_a_run_starts_a_fresh_interpreter(
    flows: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forkserver, "shared", lambda: None)
    child, sink = start(flows, "report", "run-plain", tag="plain")
    assert not isinstance(child.process, forkserver.ForkedProcess)
    assert finish(child) == 0
    assert any(m.startswith("plain ") and "count=1" in m for m in sink.messages())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its reaper counts as gone
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
