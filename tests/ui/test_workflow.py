"""The checker's workflow end to end, and each undoable edit against the archive on disk."""

from __future__ import annotations

import time

import pytest

from app.storage import open_archive
from app.storage.claims import claims_of_article, get_claim
from app.storage.links import links_of_claim
from app.storage.scales import default_scale
from app.storage.settings import set_setting
from app.storage.sources import sources_of_claim
from tests.ui.conftest import EARLIER_CHECKS
from ui.database import ArchiveSession
from ui.main_window import MainWindow

SOURCE = {
    "url": "https://www.example.org/rapport-aide",
    "title": "Rapport sur l'aide",
    "publisher": "ONU",
    "stance": "refutes",
    "excerpt": "120 tonnes livrées",
}


def open_article(window, qtbot, article_id=1):
    with qtbot.waitSignal(window.matches_ready, timeout=30000):
        window.open_article(article_id)


def claim_with(window, words: str):
    return next(c for c in window.claims if words in c.text)


def test_open_select_match_source_verdict_undo_redo_reopen(window, qtbot, archive_path):
    open_article(window, qtbot)
    assert window.panes.claims_pane.model.rowCount() == 4

    claim = claim_with(window, "300 tonnes")
    window.panes.claims_pane.select_claim(claim.id)
    assert window.panes.verdict_editor.claim().id == claim.id
    matches = window.panes.matches_pane.model
    assert matches.rowCount() >= 1
    assert "300 tonnes" in matches.match_at(0).text
    assert window.panes.matches_pane.model.match_at(0).tier in ("match", "related")

    window.edits.add_source(claim.id, dict(SOURCE))
    assert window.panes.sources_pane.model.rowCount() == 1

    level = default_scale(window.session.db).levels[-2]  # "Faux" / "False"
    window.edits.edit_claim(claim.id, {"verdict_level_id": level.id, "verdict_text": "Non, 120 t."})
    row = window.panes.claims_pane.model.row_of(claim.id)
    # The scale's labels follow the UI language (English here), not the article's.
    assert window.panes.claims_pane.model.row_at(row).verdict_label == level.label_en

    stack = window.session.undo_stack
    stack.undo()
    assert window.session.claim(claim.id).verdict_level_id is None
    stack.undo()
    assert window.panes.sources_pane.model.rowCount() == 0
    stack.redo()
    stack.redo()
    assert window.panes.sources_pane.model.rowCount() == 1
    assert window.session.claim(claim.id).verdict_level_id == level.id

    window.close()
    window.session.close()
    db = open_archive(archive_path)
    stored = get_claim(db, claim.id)
    assert stored.verdict_level_id == level.id
    assert stored.verdict_text == "Non, 120 t."
    [link] = sources_of_claim(db, claim.id)
    assert link.source.url == SOURCE["url"] and link.stance == "refutes"
    db.close()


def test_status_shortcut_and_next_claim(window, qtbot):
    open_article(window, qtbot)
    window.panes.claims_pane.select_claim(window.claims[0].id)
    window.actions_.status["checked"].trigger()
    assert window.session.claim(window.claims[0].id).status == "checked"
    window.actions_.next_claim.trigger()
    assert window.panes.claims_pane.current_claim_id() == window.claims[1].id
    window.actions_.previous_claim.trigger()
    assert window.panes.claims_pane.current_claim_id() == window.claims[0].id
    window.session.undo_stack.undo()
    assert window.session.claim(window.claims[0].id).status == "to_check"


def test_same_claim_and_not_the_same_are_saved_and_undoable(window, qtbot):
    open_article(window, qtbot)
    claim = claim_with(window, "300 tonnes")
    window.panes.claims_pane.select_claim(claim.id)
    other = window.panes.matches_pane.current_match().claim_id
    window.panes.matches_pane.same_button.click()
    assert [(lk.other_claim_id, lk.kind) for lk in links_of_claim(window.session.db, claim.id)] == [
        (other, "same")
    ]
    assert window.panes.matches_pane.model.decision(other) == "same"
    assert not window.panes.matches_pane.same_button.isEnabled()
    window.panes.matches_pane.not_same_button.click()
    assert links_of_claim(window.session.db, claim.id)[0].kind == "not_same"
    window.session.undo_stack.undo()
    assert links_of_claim(window.session.db, claim.id)[0].kind == "same"
    window.session.undo_stack.undo()
    assert links_of_claim(window.session.db, claim.id) == []
    assert window.panes.matches_pane.model.decision(other) is None


def _wait_reload(window, qtbot, action):
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        action()


def test_new_claim_from_selection_then_undo_redo(window, qtbot):
    open_article(window, qtbot)
    text = window.article.text
    start = text.index("Il fait beau")
    end = start + len("Il fait beau aujourd'hui")
    _wait_reload(window, qtbot, lambda: window.edits.new_claim_from_span(start, end))
    assert len(window.claims) == 5
    new = next(c for c in window.claims if c.start == start and c.end == end)
    assert new.text == "Il fait beau aujourd'hui"
    assert window.panes.claims_pane.current_claim_id() == new.id
    _wait_reload(window, qtbot, window.session.undo_stack.undo)
    assert len(window.claims) == 4
    _wait_reload(window, qtbot, window.session.undo_stack.redo)
    assert any(c.id == new.id for c in window.claims)


def test_split_merge_delete_are_undoable(window, qtbot):
    open_article(window, qtbot)
    db = window.session.db
    claim = claim_with(window, "300 tonnes")
    window.panes.claims_pane.select_claim(claim.id)
    at = window.article.text.index(" pour le Venezuela")
    _wait_reload(window, qtbot, lambda: window.session.push(_split(window, claim.id, at)))
    assert len(claims_of_article(db, 1)) == 5
    assert get_claim(db, claim.id).text == "Le gouvernement a annoncé 300 tonnes d'aide humanitaire"
    second = max(c.id for c in claims_of_article(db, 1))
    window.edits.edit_claim(second, {"status": "in_progress"})
    window.session.undo_stack.undo()
    _wait_reload(window, qtbot, window.session.undo_stack.undo)
    assert get_claim(db, claim.id).text == claim.text
    assert len(claims_of_article(db, 1)) == 4
    _wait_reload(window, qtbot, window.session.undo_stack.redo)
    window.session.undo_stack.redo()  # the edit of the second part, same claim id
    assert get_claim(db, second).status == "in_progress"
    window.session.undo_stack.undo()
    _wait_reload(window, qtbot, window.session.undo_stack.undo)
    assert len(claims_of_article(db, 1)) == 4

    first, second = window.claims[0], window.claims[1]
    window.edits.add_source(second.id, dict(SOURCE))
    window.panes.claims_pane.select_claim(first.id)
    _wait_reload(window, qtbot, window.edits.merge_current_claims)
    merged = get_claim(db, first.id)
    assert merged.end == second.end and len(claims_of_article(db, 1)) == 3
    assert [s.source.url for s in sources_of_claim(db, first.id)] == [SOURCE["url"]]
    _wait_reload(window, qtbot, window.session.undo_stack.undo)
    assert [s.source.url for s in sources_of_claim(db, second.id)] == [SOURCE["url"]]
    assert sources_of_claim(db, first.id) == []

    window.panes.claims_pane.select_claim(second.id)
    _wait_reload(window, qtbot, window.edits.delete_current_claims)
    assert len(claims_of_article(db, 1)) == 3
    _wait_reload(window, qtbot, window.session.undo_stack.undo)
    assert [s.source.url for s in sources_of_claim(db, second.id)] == [SOURCE["url"]]


def _split(window, claim_id, at):
    from ui.operations import SplitClaim

    return SplitClaim(window.session, claim_id, at)


def test_a_refused_edit_is_shown_and_not_put_on_the_undo_stack(window, qtbot):
    open_article(window, qtbot)
    claim = window.claims[0]
    window.edits.add_source(claim.id, {"url": "ftp://example.org/file"})
    assert "http" in window.statusBar().currentMessage()
    assert window.session.undo_stack.count() == 0
    window.edits.edit_claim(claim.id, {"text": "   "})
    assert window.session.undo_stack.count() == 0


def test_source_edit_and_remove_undo(window, qtbot):
    open_article(window, qtbot)
    claim = window.claims[0]
    window.panes.claims_pane.select_claim(claim.id)
    window.edits.add_source(claim.id, dict(SOURCE))
    [link] = window.session.sources_of(claim.id)
    window.edits.edit_source(link.id, {"stance": "supports", "title": "Nouveau titre"})
    [edited] = window.session.sources_of(claim.id)
    assert (edited.stance, edited.source.title) == ("supports", "Nouveau titre")
    window.session.undo_stack.undo()
    [back] = window.session.sources_of(claim.id)
    assert (back.stance, back.source.title) == ("refutes", SOURCE["title"])
    window.edits.remove_source(link.id)
    assert window.session.sources_of(claim.id) == []
    window.session.undo_stack.undo()
    assert [s.id for s in window.session.sources_of(claim.id)] == [link.id]


def test_edit_is_fast_enough_for_the_gui_thread(session):
    """Edits run on the GUI thread: each must be a tiny transaction (here well under 50 ms)."""
    from ui.operations import EditClaim

    claim_id = claims_of_article(session.db, 1)[0].id
    started = time.perf_counter()
    for status in ("in_progress", "checked", "to_check") * 10:
        session.push(EditClaim(session, claim_id, {"status": status}))
    per_edit = (time.perf_counter() - started) / 30
    assert per_edit < 0.05, f"{per_edit * 1000:.1f} ms per edit"


def test_reopening_the_window_restores_the_layout(session, qtbot):
    first = MainWindow(session)
    qtbot.addWidget(first)
    first.panes.splitter.setSizes([300, 1100])
    first.actions_.color_worth.trigger()
    first.save_state()
    second = MainWindow(session)
    qtbot.addWidget(second)
    assert second.panes.article_view.color_mode == "worth"
    assert second.panes.splitter.sizes()[0] < second.panes.splitter.sizes()[1]


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "file:///etc/passwd"])
def test_only_web_links_are_opened(window, bad, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.open_url_in_browser(bad)
    assert opened == []
    window.open_url_in_browser("https://example.org/x")
    assert len(opened) == 1


def test_a_second_session_sees_the_saved_edit(session, archive_path):
    from ui.operations import EditClaim

    claim_id = claims_of_article(session.db, 1)[0].id
    session.push(EditClaim(session, claim_id, {"notes": "appeler le ministère"}))
    other = ArchiveSession(archive_path)
    assert other.claim(claim_id).notes == "appeler le ministère"
    other.close()


def test_keyboard_shortcuts_act_on_the_claims_but_not_while_typing(window, qtbot):
    from PySide6.QtCore import Qt

    open_article(window, qtbot)
    table = window.panes.claims_pane.table
    window.panes.claims_pane.select_claim(window.claims[0].id)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_J)
    assert window.panes.claims_pane.current_claim_id() == window.claims[1].id
    qtbot.keyClick(table, Qt.Key.Key_K)
    assert window.panes.claims_pane.current_claim_id() == window.claims[0].id
    qtbot.keyClick(table, Qt.Key.Key_3)
    assert window.session.claim(window.claims[0].id).status == "checked"
    qtbot.keyClick(window.panes.article_view, Qt.Key.Key_J)
    assert window.panes.claims_pane.current_claim_id() == window.claims[1].id
    qtbot.keyClick(window.panes.article_view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.panes.claims_pane.current_claim_id() == window.claims[0].id

    search = window.panes.claims_pane.search
    search.setFocus()
    qtbot.keyClicks(search, "j2")
    assert search.text() == "j2"
    assert window.session.claim(window.claims[0].id).status == "checked"
    search.clear()

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(window.claims) == 3, timeout=20000)


def test_rewording_a_claim_searches_its_earlier_checks_again(window, qtbot):
    open_article(window, qtbot)
    claim = claim_with(window, "chômage")
    window.panes.claims_pane.select_claim(claim.id)
    with qtbot.waitSignal(window.matches_ready, timeout=30000):
        window.edits.edit_claim(claim.id, {"text": EARLIER_CHECKS[0]})
    assert "300 tonnes" in window.panes.matches_pane.model.match_at(0).text
    with qtbot.waitSignal(window.matches_ready, timeout=30000):
        window.session.undo_stack.undo()
    assert window.session.claim(claim.id).text == claim.text


@pytest.mark.parametrize(
    ("fmt", "suffix", "needle"),
    [
        ("markdown", ".md", "300 tonnes"),
        ("claimreview", ".jsonld", "ClaimReview"),
        ("csv", ".csv", "300 tonnes"),
        ("html", ".html", "<html"),
    ],
)
def test_export_writes_the_articles_check(window, qtbot, tmp_path, fmt, suffix, needle):
    set_setting(window.session.db, "org_name", "Desk")
    open_article(window, qtbot)
    claim = claim_with(window, "300 tonnes")
    level = default_scale(window.session.db).levels[-2]
    window.edits.edit_claim(claim.id, {"verdict_level_id": level.id, "status": "checked"})
    with qtbot.waitSignal(window.session.runner.ended, timeout=20000):
        window.export_article(str(tmp_path / "check"), fmt)
    written = tmp_path / f"check{suffix}"
    assert needle in written.read_text(encoding="utf-8")
    assert str(written) in window.statusBar().currentMessage()


def test_claimreview_export_without_an_organisation_says_so(window, qtbot, tmp_path):
    open_article(window, qtbot)
    claim = claim_with(window, "300 tonnes")
    level = default_scale(window.session.db).levels[-2]
    window.edits.edit_claim(claim.id, {"verdict_level_id": level.id, "status": "checked"})
    with qtbot.waitSignal(window.session.runner.ended, timeout=20000):
        window.export_article(str(tmp_path / "check"), "claimreview")
    assert "organisation" in window.statusBar().currentMessage()
    assert not (tmp_path / "check.jsonld").exists()


def test_export_to_a_missing_folder_is_an_inline_error(window, qtbot, tmp_path):
    open_article(window, qtbot)
    with qtbot.waitSignal(window.session.runner.ended, timeout=20000):
        window.export_article(str(tmp_path / "missing" / "check.md"), "markdown")
    assert "cannot write" in window.statusBar().currentMessage()


def test_the_status_bar_says_each_edit_was_saved_or_undone(window, qtbot):
    open_article(window, qtbot)
    window.edits.edit_claim(window.claims[0].id, {"status": "in_progress"})
    assert window.statusBar().currentMessage() == "Saved: Claim 1: status"
    window.session.undo_stack.undo()
    assert window.statusBar().currentMessage() == "Undone: Claim 1: status"


def test_deleting_a_claim_selects_the_next_one(window, qtbot):
    open_article(window, qtbot)
    first, second = window.claims[0], window.claims[1]
    window.panes.claims_pane.select_claim(first.id)
    _wait_reload(window, qtbot, window.edits.delete_current_claims)
    assert window.panes.claims_pane.current_claim_id() == second.id
    last = window.claims[-1]
    window.panes.claims_pane.select_claim(last.id)
    _wait_reload(window, qtbot, window.edits.delete_current_claims)
    assert window.panes.claims_pane.current_claim_id() == window.claims[-1].id


def test_marks_are_back_after_reopening_the_archive(session, archive_path, qtbot):
    from tests.ui.conftest import ARTICLE_TEXT

    first = MainWindow(session)
    qtbot.addWidget(first)
    open_article(first, qtbot)
    assert first.panes.article_view.mark_at(ARTICLE_TEXT.index("300 tonnes")) is not None
    session.close()
    again = ArchiveSession(archive_path)
    second = MainWindow(again)
    qtbot.addWidget(second)
    open_article(second, qtbot)
    assert second.panes.article_view.mark_at(ARTICLE_TEXT.index("300 tonnes")) is not None
    again.runner.wait()
    again.close()


def test_the_claims_table_shows_the_checkers_call_on_earlier_checks(window, qtbot):
    from ui.models.claims_model import COLUMNS

    open_article(window, qtbot)
    claim = claim_with(window, "300 tonnes")
    window.panes.claims_pane.select_claim(claim.id)
    model = window.panes.claims_pane.model
    cell = model.index(model.row_of(claim.id), COLUMNS.index("best"))
    assert "·" in cell.data()
    window.panes.matches_pane.same_button.click()
    assert cell.data() == "✓ Same claim"
    window.panes.matches_pane.not_same_button.click()
    assert cell.data() != "✓ Same claim"  # dismissed: the next earlier check, or none
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert "·" in cell.data()
