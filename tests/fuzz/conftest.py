"""Fuzz suite bookkeeping: every fuzz test is ``slow``; which ran, and how many generated inputs
each target got."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.fuzz_support import COUNTS, PROFILE, RAN, write_counts

HERE = Path(__file__).parent


@pytest.fixture(autouse=True)
def _record_run(request):
    yield
    RAN.add(request.node.nodeid)


def pytest_collection_modifyitems(session, config, items) -> None:
    ours = [item for item in items if HERE in Path(str(item.fspath)).parents]
    for item in ours:  # fuzzing takes minutes: not part of the fast path (-m "not slow")
        item.add_marker(pytest.mark.slow)
    session.config._crible_fuzz_items = [item.nodeid for item in ours]


def pytest_terminal_summary(terminalreporter) -> None:
    if not COUNTS:
        return
    write_counts()
    parts = ", ".join(f"{name} {n}" for name, n in sorted(COUNTS.items()))
    terminalreporter.write_line(
        f"fuzz inputs ({PROFILE} profile): {sum(COUNTS.values())} in total: {parts}"
    )
