"""Finding 1 of issue 12: two imports and a batch edit at once on one archive (real processes)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.reliability.concurrency import race
from tests.reliability.crash_process import make_templates

TRIALS = int(os.environ.get("CRIBLE_RACE_TRIALS", "2"))
RECORDS = int(os.environ.get("CRIBLE_RACE_RECORDS", "3000"))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_templates(tmp_path_factory.mktemp("race-template"))["template"]


@pytest.mark.parametrize("trial", range(TRIALS))
def test_two_imports_and_a_batch_edit_all_finish_with_nothing_lost(
    template: Path, tmp_path: Path, trial: int
) -> None:
    result = race(tmp_path, template, trial, records=RECORDS, batch_size=100)
    assert result.problems == []
    assert result.exit_codes == [0, 0, 0]
    assert result.reviews == 2 * RECORDS
    assert result.edits_found == 100
