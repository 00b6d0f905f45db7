"""The explanation under an earlier check highlights the checker's claim as it was queried:
matching queries with the claim's self-contained statement (a quote without its "a déclaré
X" frame), so the shared words are cut from the statement, never from the sentence."""

from __future__ import annotations

import re

from app.storage import open_archive
from app.storage.claims import add_claim
from app.workflows.articles import open_text
from app.workflows.progress import NO_PROGRESS
from ui.models.explain import shared_words

ARTICLE = (
    "Le Venezuela a fermé sa frontière avec la Colombie en février 2019. « Nous avons rompu "
    "les relations diplomatiques avec la Colombie », a déclaré Nicolas Maduro samedi."
)


def test_shared_words_are_whole_words_of_the_statement(tmp_path, qapp, qtbot):
    from ui.database import ArchiveSession
    from ui.main_window import MainWindow

    path = tmp_path / "archive.db"
    db = open_archive(path)
    add_claim(
        db,
        text="Nicolas Maduro a rompu les relations diplomatiques avec la Colombie.",
        lang="fr",
        origin="import",
        status="checked",
    )
    bundle = open_text(db, NO_PROGRESS, ARTICLE)
    db.close()
    quote = next(c for c in bundle.claims if "«" in c.text)
    assert quote.statement and "déclaré" not in quote.statement

    session = ArchiveSession(path)
    window = MainWindow(session)
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.matches_ready, timeout=60_000):
            window.open_article(int(bundle.article.id))
        window.panes.claims_pane.select_claim(int(quote.id))
        pane = window.panes.matches_pane
        assert pane._query == quote.statement
        assert pane.model.rowCount() >= 1, "the earlier check is found"
        words = shared_words(pane.model.match_at(0).why, pane._query)
        assert words
        statement_words = set(re.findall(r"\w+", quote.statement))
        assert all(w in statement_words for w in words), words
    finally:
        session.runner.cancel_all()
        session.runner.wait()
        window.close()
        session.close()
