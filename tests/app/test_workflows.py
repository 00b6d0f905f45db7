"""The workflows without Qt: opening, matching, exporting, importing; progress and cancel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import edits
from app.errors import UserError
from app.storage.articles import add_article, list_articles
from app.storage.claims import add_claim, claims_of_article
from app.workflows import articles, exporting, importing, matching
from app.workflows.progress import NO_PROGRESS, Cancelled, TaskProgress

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "tests" / "data" / "maduro-colombie-fr.txt"
REVIEWS = ROOT / "seeds" / "reviews-venezuela-fr.datafeed.json"


class Recorder(TaskProgress):
    """A progress that remembers what it was told, and cancels itself after ``stop_after``."""

    def __init__(self, stop_after: int | None = None) -> None:
        super().__init__(self._seen)
        self.reports: list[tuple[int, int]] = []
        self.stop_after = stop_after

    def _seen(self, done: int, total: int, _message: str) -> None:
        self.reports.append((done, total))
        if self.stop_after is not None and len(self.reports) >= self.stop_after:
            self.cancel()


def test_opening_the_same_text_twice_reopens_the_work_done_on_it(db):
    first = articles.open_article(db, NO_PROGRESS, str(ARTICLE))
    assert first.created and first.analysis is not None and len(first.claims) >= 5
    assert all(c.lang == first.analysis.lang == "fr" for c in first.claims)
    edits.apply(db, edits.set_note(first.claims[0].id, "vu"))
    again = articles.open_text(db, NO_PROGRESS, ARTICLE.read_text(encoding="utf-8"))
    assert not again.created and again.article.id == first.article.id
    assert again.claims[0].notes == "vu"  # the claims as the checker left them
    assert len(list_articles(db)) == 1


def test_an_article_stored_without_claims_is_analysed_when_loaded(db):
    article = add_article(db, text=ARTICLE.read_text(encoding="utf-8"), title="M", lang="fr")
    bundle = articles.load_article(db, NO_PROGRESS, article.id)
    assert bundle.claims and bundle.claims == tuple(claims_of_article(db, article.id))
    assert any(mark.kind == "number" for mark in bundle.marks)


def test_a_bad_source_is_a_user_error_and_stores_nothing(db, tmp_path):
    with pytest.raises(UserError, match="no such file"):
        articles.open_article(db, NO_PROGRESS, str(tmp_path / "absent.txt"))
    assert list_articles(db) == []


def test_opening_reports_progress_and_stops_when_cancelled(db):
    seen = Recorder()
    articles.open_article(db, seen, str(ARTICLE))
    assert seen.reports[0] == (0, 3) and seen.reports[-1][0] >= 2
    stopped = Recorder(stop_after=1)
    with pytest.raises(Cancelled):
        articles.open_text(db, stopped, "Le chômage a baissé de 3 % en 2023. Fin.")
    assert len(list_articles(db)) == 1  # the cancelled one was never stored


def test_matching_leaves_out_the_article_itself_and_carries_the_decisions(db):
    importing.import_files(db, NO_PROGRESS, [REVIEWS])
    bundle = articles.open_article(db, NO_PROGRESS, str(ARTICLE))
    queries = [matching.query_for(c) for c in bundle.claims]
    assert any(q.speaker == "Nicolas Maduro" for q in queries)
    results = matching.match_claims(db, NO_PROGRESS, queries, int(bundle.article.id))
    mine = {int(c.id) for c in bundle.claims}
    assert len(results.found) == len(queries) and set(results.matches) == mine
    assert all(int(m.claim_id) not in mine for found in results.found for m in found)
    claim_id, found = next((k, v) for k, v in results.matches.items() if v)
    edits.apply(db, edits.SetLink(claim_id, int(found[0].claim_id), "not_same"))
    again = matching.match_claims(db, NO_PROGRESS, queries, int(bundle.article.id))
    assert again.decisions[claim_id] == {int(found[0].claim_id): "not_same"}


def test_a_query_of_an_unstored_claim_is_matched_too(db):
    add_claim(db, text="La Russie a envoyé 300 tonnes d'aide au Venezuela.", lang="fr")
    db.execute("UPDATE claims SET status = 'checked'")
    query = matching.ClaimQuery(None, "La Russie a envoyé 300 tonnes d'aide", "fr")
    results = matching.match_claims(db, NO_PROGRESS, [query], min_score=0)
    assert results.found[0] and results.matches == {}


def test_export_writes_the_report_and_a_cancel_before_writing_leaves_no_file(db, tmp_path):
    bundle = articles.open_article(db, NO_PROGRESS, str(ARTICLE))
    target = tmp_path / "check.json"
    written = exporting.export_article(db, NO_PROGRESS, int(bundle.article.id), "json", target)
    assert written == str(target) and json.loads(target.read_text(encoding="utf-8"))
    stopped = Recorder()
    stopped.cancel()
    with pytest.raises(Cancelled):
        exporting.export_article(db, stopped, int(bundle.article.id), "markdown", tmp_path / "x")
    assert not (tmp_path / "x").exists()


def test_import_reports_progress_and_a_cancel_keeps_what_was_written(db, tmp_path):
    records = tmp_path / "claims.jsonl"
    lines = [json.dumps({"text": f"Affirmation numéro {n} sur le budget."}) for n in range(30)]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen = Recorder()
    report = importing.import_files(db, seen, [records], batch_size=10, workers=0)
    assert report.imported == 30 and seen.reports[-1] == (30, 30)
    stopped = Recorder(stop_after=1)
    again = tmp_path / "more.jsonl"
    again.write_text(
        "\n".join(json.dumps({"text": f"Autre affirmation {n} sur la dette."}) for n in range(30)),
        encoding="utf-8",
    )
    stopped_report = importing.import_files(db, stopped, [again], batch_size=10, workers=0)
    assert stopped_report.cancelled  # stopped between batches, not by an exception
    count = db.execute("SELECT count(*) FROM claims WHERE text LIKE 'Autre%'").fetchone()[0]
    assert count == 10  # the first batch was committed before the cancel
