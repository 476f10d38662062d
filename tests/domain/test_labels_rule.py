"""The one rule for a new run's labels, used by create_flow_run and the scheduler."""

from server.domain.labels import run_labels


def test_given_labels_win_even_when_empty() -> None:
    assert run_labels([], ["group"], ["flow"]) == []
    assert run_labels(["mine"], ["group"], ["flow"]) == ["mine"]


def test_the_group_labels_come_next_when_set() -> None:
    assert run_labels(None, ["group"], ["flow"]) == ["group"]
    assert run_labels(None, [], ["flow"]) == []


def test_the_flow_labels_come_last_and_nothing_means_no_labels() -> None:
    assert run_labels(None, None, ["flow"]) == ["flow"]
    assert run_labels(None, None, None) == []
