"""The fuzz suite's volume gate: in the "ci" profile, 10,000+ inputs really ran (runs last)."""

from __future__ import annotations

import pytest

from tests.fuzz.fuzz_support import CI_TOTAL_FLOOR, COUNTS, PROFILE, RAN


def test_fuzz_volume(request):
    fuzz_items = getattr(request.config, "_crible_fuzz_items", [])
    others = [nodeid for nodeid in fuzz_items if nodeid != request.node.nodeid]
    if PROFILE != "ci" or not others or not set(others) <= RAN:
        pytest.skip("only meaningful after the whole fuzz suite ran in the ci profile")
    assert set(COUNTS) == {"split", "import", "match"}
    assert sum(COUNTS.values()) >= CI_TOTAL_FLOOR, dict(COUNTS)
