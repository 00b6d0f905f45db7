"""The window and `crible check` agree on every claim of an article: the same claims, and
for each the same earlier checks with the same scores, tiers and explanations.

The window's path is the real one: ``ui.jobs`` run by the session's ``TaskRunner`` in a
worker thread, on the claim ids the window holds. The command line's is a real `crible`
process. Each gets its own copy of one archive, so neither sees the other's article.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.interop.importer import import_paths
from app.storage import open_archive
from app.workflows import matching
from app.workflows.progress import NO_PROGRESS

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = [
    ROOT / "tests" / "data" / "maduro-colombie-fr.txt",  # speakers: Nicolas Maduro
    ROOT / "seeds" / "article-demo-fr.txt",
]
REVIEWS = ROOT / "seeds" / "reviews-venezuela-fr.datafeed.json"


@pytest.fixture(scope="module")
def archive_with_reviews(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("parity") / "reviews.db"
    db = open_archive(path)
    report = import_paths(db, [REVIEWS])
    assert report.imported > 20
    db.close()
    return path


def _copy(archive: Path, folder: Path, name: str) -> Path:
    target = folder / name
    shutil.copyfile(archive, target)  # closed cleanly: everything is in the main file
    return target


def _cli_check(archive: Path, article: Path) -> dict:
    command = ["--db", str(archive), "check", str(article), "--json"]
    result = subprocess.run(
        [sys.executable, "-m", "app", *command, "--limit", str(matching.MATCH_LIMIT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _window_check(archive: Path, article: Path, qtbot) -> tuple[list, dict]:
    from ui import jobs
    from ui.database import ArchiveSession

    session = ArchiveSession(archive)
    try:
        done: dict[str, object] = {}
        with qtbot.waitSignal(session.runner.ended, timeout=120_000):
            session.runner.start(
                "open", jobs.import_article, str(article), on_result=lambda b: done.update(b=b)
            )
        bundle = done["b"]
        ids = [int(c.id) for c in bundle.claims]
        with qtbot.waitSignal(session.runner.ended, timeout=120_000):
            session.runner.start(
                "match",
                jobs.match_claims,
                ids,
                int(bundle.article.id),
                on_result=lambda r: done.update(r=r),
            )
        return list(bundle.claims), done["r"].matches
    finally:
        session.close()


def _shown(match) -> dict:
    """What the checker reads of an earlier check, as the CLI's JSON has it."""
    data = match.to_json() if hasattr(match, "to_json") else dict(match)
    return {key: data[key] for key in ("claim_id", "text", "score", "tier", "verdict", "why")}


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_the_window_and_crible_check_agree_on_every_claim(
    article, archive_with_reviews, tmp_path, qtbot
):
    cli = _cli_check(_copy(archive_with_reviews, tmp_path, "cli.db"), article)
    claims, matches = _window_check(_copy(archive_with_reviews, tmp_path, "gui.db"), article, qtbot)

    assert [(c.text, c.start, c.end) for c in claims] == [
        (c["text"], c["start"], c["end"]) for c in cli["claims"]
    ]
    assert len(claims) >= 5
    for claim, printed in zip(claims, cli["claims"], strict=True):
        window_side = [_shown(m) for m in matches[int(claim.id)]]
        cli_side = [_shown(m) for m in printed["matches"]]
        assert window_side == cli_side, f"claim {claim.text!r}"
    assert any(printed["matches"] for printed in cli["claims"])


def test_the_speaker_changes_scores_so_the_comparison_would_see_it_dropped(
    archive_with_reviews, tmp_path
):
    """Guards the test above: on this article, matching without the claims' speakers (the
    window's old behaviour) gives other scores, so a window dropping them would fail it."""
    db = open_archive(_copy(archive_with_reviews, tmp_path, "speaker.db"))
    try:
        from app.workflows.articles import open_article

        bundle = open_article(db, NO_PROGRESS, str(ARTICLES[0]))
        assert any(c.speaker and "Maduro" in c.speaker for c in bundle.claims)
        queries = [matching.query_for(c) for c in bundle.claims]
        without = [matching.ClaimQuery(q.claim_id, q.text, q.lang) for q in queries]
        article_id = int(bundle.article.id)
        said = matching.match_claims(db, NO_PROGRESS, queries, article_id)
        unsaid = matching.match_claims(db, NO_PROGRESS, without, article_id)
    finally:
        db.close()
    scores = [[(m.claim_id, m.score) for m in found] for found in said.found]
    assert scores != [[(m.claim_id, m.score) for m in found] for found in unsaid.found]


@pytest.mark.parametrize("fmt", ["markdown", "csv"])
def test_the_window_and_crible_export_write_the_same_file(fmt, archive_path, tmp_path, qtbot):
    """Same bytes and the same permissions: both go through ``app.workflows.exporting``."""
    import stat

    from ui import jobs
    from ui.database import ArchiveSession

    by_cli, by_window = tmp_path / f"cli.{fmt}", tmp_path / f"window.{fmt}"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "--db",
            str(archive_path),
            "export",
            "1",
            "--format",
            fmt,
            "-o",
            str(by_cli),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    session = ArchiveSession(archive_path)
    try:
        with qtbot.waitSignal(session.runner.ended, timeout=60_000):
            session.runner.start("export", jobs.export_article, 1, fmt, str(by_window))
    finally:
        session.close()
    # A report says when it was made, to the second: the two runs are seconds apart.
    stamp = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
    assert stamp.sub(b"T", by_window.read_bytes()) == stamp.sub(b"T", by_cli.read_bytes())
    assert stat.S_IMODE(by_window.stat().st_mode) == stat.S_IMODE(by_cli.stat().st_mode)
