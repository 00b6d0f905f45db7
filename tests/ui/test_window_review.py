"""The fact-checker's review of the window: undo while typing, status messages, duplicate
claims, shortcuts, the first claim shown, translated reasons, source snapshots, export."""

from __future__ import annotations

import json
import re
from typing import ClassVar

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app.storage import open_archive
from app.storage.claims import add_claim, save_article_with_claims
from tests.ui.conftest import ARTICLE_TEXT, EARLIER_CHECKS, Draft, sentence_drafts
from ui.database import ArchiveSession
from ui.main_window import MainWindow


def open_article(window, qtbot, article_id=1):
    with qtbot.waitSignal(window.matches_ready, timeout=30000):
        window.open_article(article_id)


# -- 1. Edit › Undo while typing ------------------------------------------------------------


def test_menu_undo_while_typing_notes_undoes_the_notes_not_another_claims_verdict(window, qtbot):
    open_article(window, qtbot)
    second, third = window.claims[1], window.claims[2]
    window.panes.claims_pane.select_claim(second.id)
    window.edits.edit_claim(second.id, {"verdict_text": "Faux selon l'ONU"})
    window.panes.claims_pane.select_claim(third.id)
    notes = window.panes.verdict_editor._notes
    window.activateWindow()
    notes.setFocus()
    qtbot.keyClicks(notes, "Appeler le ministre")  # ASCII: QTest asserts otherwise

    window.actions_.undo.trigger()

    assert window.session.claim(second.id).verdict_text == "Faux selon l'ONU"
    assert window.session.claim(third.id).notes == ""
    assert notes.toPlainText() == ""
    assert window.statusBar().currentMessage() == "Undone: Claim 3: notes"
    window.actions_.redo.trigger()
    assert window.session.claim(third.id).notes == "Appeler le ministre"
    assert notes.toPlainText() == "Appeler le ministre"


def test_undo_entries_name_the_claim_and_the_field(window, qtbot):
    open_article(window, qtbot)
    stack = window.session.undo_stack
    window.edits.edit_claim(window.claims[1].id, {"verdict_text": "Non."})
    assert stack.text(stack.index() - 1) == "Claim 2: verdict text"
    window.edits.edit_claim(window.claims[0].id, {"verdict_level_id": None, "status": "checked"})
    assert stack.text(stack.index() - 1) == "Claim 1: rating, status"
    assert window.actions_.undo.statusTip() == "Undo: Claim 1: rating, status"
    assert window.actions_.undo.isEnabled() and not window.actions_.redo.isEnabled()


# -- 2. no empty "Undone:" after opening another article --------------------------------------


def test_opening_another_article_does_not_say_undone(window, qtbot):
    save_article_with_claims(
        window.session.db,
        text="Le PIB a progressé de 3 % en 2023.",
        title="Croissance",
        claims=[Draft("Le PIB a progressé de 3 % en 2023.", 0, 34)],
        lang="fr",
        origin="paste",
    )
    open_article(window, qtbot)
    window.edits.edit_claim(window.claims[0].id, {"status": "in_progress"})
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    open_article(window, qtbot, 2)
    assert not any(m.startswith("Undone") for m in messages), messages
    assert window.session.undo_stack.count() == 0


# -- 3. same span twice; the header counts the claims -----------------------------------------


def test_new_claim_on_an_existing_claims_span_selects_it(window, qtbot):
    open_article(window, qtbot)
    existing = window.claims[2]
    window.panes.claims_pane.select_claim(window.claims[0].id)
    count = window.session.undo_stack.count()
    window.edits.new_claim_from_span(existing.start, existing.end)
    assert window.session.undo_stack.count() == count
    assert len(window.claims) == 4
    assert window.panes.claims_pane.current_claim_id() == existing.id
    assert "already claim 3" in window.statusBar().currentMessage()


def test_the_header_counts_claims_after_a_new_claim(window, qtbot):
    open_article(window, qtbot)
    assert "4 claims" in window.panes.article_header.text()
    text = window.article.text
    start = text.index("Il fait beau")
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        window.edits.new_claim_from_span(start, start + len("Il fait beau"))
    assert "5 claims" in window.panes.article_header.text()
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        window.actions_.undo.trigger()
    assert "4 claims" in window.panes.article_header.text()


# -- 4. shortcuts dialog ----------------------------------------------------------------------


def test_shortcuts_list_undo_redo_once_each_and_f1_once(window, monkeypatch):
    from ui.dialogs.shortcuts_dialog import ShortcutsDialog

    seen = {}
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: seen.update(rows=self.rows()) or 0)
    window.actions_.shortcuts.trigger()
    rows = seen["rows"]
    assert len(rows) == len(set(rows))
    by_name = {name: keys for _menu, name, keys in rows}
    assert "Ctrl+Z" in by_name["Undo"].split(", ")
    assert "Ctrl+Shift+Z" in by_name["Redo"].split(", ")
    assert by_name["Keyboard shortcuts"].split(", ").count("F1") == 1
    for _menu, _name, keys in rows:
        parts = keys.split(", ")
        assert len(parts) == len(set(parts)), keys


# -- 5. the first screen shows an earlier check ------------------------------------------------


@pytest.fixture
def matched_later_window(tmp_path, qtbot):
    """An article whose first claims have no earlier check; the third has one."""
    path = tmp_path / "later.db"
    db = open_archive(path)
    for text in EARLIER_CHECKS:
        add_claim(db, text=text, lang="fr", origin="import", status="checked")
    text = (
        "Il fait beau aujourd'hui à Caracas. "
        "Les enfants jouent dans le parc municipal. "
        "Le gouvernement a annoncé 300 tonnes d'aide humanitaire pour le Venezuela en 2019."
    )
    drafts = [
        Draft(d.text, d.start, d.end, checkworthiness=w)
        for d, w in zip(sentence_drafts(text), (0.9, 0.2, 0.5), strict=True)
    ]
    save_article_with_claims(
        db, text=text, title="Caracas", claims=drafts, lang="fr", origin="paste"
    )
    db.close()
    session = ArchiveSession(path)
    window = MainWindow(session, restore=False)
    qtbot.addWidget(window)
    window.show()
    yield window
    session.runner.cancel_all()
    session.runner.wait()
    session.close()


def test_opens_on_the_claim_with_the_best_earlier_check(matched_later_window, qtbot):
    window = matched_later_window
    open_article(window, qtbot)
    assert window.panes.claims_pane.current_claim_id() == window.claims[2].id
    assert window.panes.matches_pane.model.rowCount() >= 1


def test_without_earlier_checks_opens_on_the_most_check_worthy_to_check():
    from dataclasses import replace

    from app.domain import Claim
    from ui.window.state import first_to_check

    claims = [
        Claim(id=1, text="a", checkworthiness=0.2),
        Claim(id=2, text="b", checkworthiness=0.9, status="checked"),
        Claim(id=3, text="c", checkworthiness=0.7),
        Claim(id=4, text="d", checkworthiness=0.7),
    ]
    assert first_to_check(claims) == 3  # the most check-worthy still to check, first of equals
    done = [replace(c, status="checked") for c in claims]
    assert first_to_check(done) == 2


def test_a_claim_picked_by_the_checker_is_kept_when_matches_arrive(matched_later_window, qtbot):
    window = matched_later_window
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        window.open_article(1)
    window.panes.claims_pane.select_claim(window.claims[1].id)
    with qtbot.waitSignal(window.matches_ready, timeout=30000):
        pass
    assert window.panes.claims_pane.current_claim_id() == window.claims[1].id


def test_the_legend_never_cuts_a_label_in_two():
    from ui.window.layout import legend_html

    legend = legend_html()
    assert "loaded&nbsp;word" in legend and "figure&nbsp;or&nbsp;date" in legend
    assert "<br>" in legend  # statuses on one line, marks in the text on the next


# -- 6. errors do not stay ----------------------------------------------------------------------


def test_an_error_goes_away_on_the_next_successful_action(window, qtbot):
    open_article(window, qtbot)
    window.status.show_error("a claim cannot be empty")
    assert window.statusBar().currentMessage() == "⚠ a claim cannot be empty"
    window.edits.edit_claim(window.claims[0].id, {"status": "in_progress"})
    assert "⚠" not in window.statusBar().currentMessage()
    assert not window.statusBar().property("error")


def test_an_error_goes_away_after_a_while(window, qtbot):
    window.status.error_timer.setInterval(50)
    window.status.show_error("a claim cannot be empty")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=3000)
    assert not window.statusBar().property("error")


# -- 7. French: reasons and "Same claim" --------------------------------------------------------


class _FakeFrench(QTranslator):
    WORDS: ClassVar[dict[str, str]] = {
        "people": "personnes",
        "attributed to": "attribué à",
        "Same claim": "Même",
    }

    def translate(self, context, source, disambiguation=None, n=-1):
        if context in ("Reason", "ClaimsModel"):
            return self.WORDS.get(source, "")
        return ""


@pytest.fixture
def fake_french(qapp):
    translator = _FakeFrench()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_reasons_are_shown_in_the_ui_language(fake_french):
    from ui.models.labels import reason_label

    assert reason_label("people: Maduro, Guaidó") == "personnes: Maduro, Guaidó"
    assert reason_label("attributed to Nicolas Maduro") == "attribué à Nicolas Maduro"
    assert reason_label("something new: x") == "something new: x"


def test_the_worth_tooltip_and_same_claim_are_translated(fake_french):
    from PySide6.QtCore import Qt

    from app.domain import Claim
    from ui.models.claims_model import COLUMNS, BestMatch, ClaimRow, ClaimsModel

    claim = Claim(id=1, text="Maduro a dit.", reasons=("people: Maduro",), checkworthiness=0.5)
    best = BestMatch(90.0, "match", "Maduro a dit.", confirmed=True)
    model = ClaimsModel()
    model.set_rows([ClaimRow(claim=claim, number=1, best=best)])
    worth = model.index(0, COLUMNS.index("worth"))
    assert "• personnes: Maduro" in model.data(worth, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, COLUMNS.index("best"))) == "✓ Même"


# -- 8. source snapshot + Wayback; export = the CLI's ---------------------------------------------


@pytest.fixture
def memory_keyring():
    import keyring

    from tests.fakes.keyring_backend import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


def _source_link(window, qtbot):
    open_article(window, qtbot)
    claim = window.claims[0]
    window.edits.add_source(claim.id, {"url": "https://example.org/page"})
    [link] = window.session.sources_of(claim.id)
    return claim, link


def test_archiving_keeps_a_local_snapshot_and_says_both(window, qtbot, monkeypatch, memory_keyring):
    from app.interop import snapshot, wayback
    from app.storage.sources import get_source, set_source_snapshot

    _claim, link = _source_link(window, qtbot)

    def fake_snapshot(db, source_id, **_):
        set_source_snapshot(db, source_id, "Le texte de la page, gardé.")
        return "Le texte de la page, gardé."

    archived = "https://web.archive.org/web/2019/https://example.org/page"
    monkeypatch.setattr(snapshot, "snapshot_source", fake_snapshot)
    monkeypatch.setattr(wayback, "archive_url", lambda url, **_: archived)
    with qtbot.waitSignal(window.session.changed, timeout=10000):
        window.edits.archive_source(link.id)
    source = get_source(window.session.db, link.source.id)
    assert source.archive_url == archived
    assert "gardé" in (source.snapshot_text or "")
    message = window.statusBar().currentMessage()
    assert "local copy kept (27 characters)" in message and archived in message


def test_archiving_reports_each_half_that_failed(window, qtbot, monkeypatch, memory_keyring):
    from app.errors import UserError
    from app.interop import snapshot, wayback

    _claim, link = _source_link(window, qtbot)

    def refuse(*_a, **_k):
        raise UserError("page unreachable")

    monkeypatch.setattr(snapshot, "snapshot_source", refuse)
    monkeypatch.setattr(wayback, "archive_url", lambda url, **_: "https://web.archive.org/x")
    with qtbot.waitSignal(window.session.changed, timeout=10000):
        window.edits.archive_source(link.id)
    message = window.statusBar().currentMessage()
    assert "local copy failed: page unreachable" in message
    assert "archived at https://web.archive.org/x" in message


@pytest.mark.parametrize("fmt", ["json", "claimreview", "markdown"])
def test_export_writes_what_the_cli_writes(window, qtbot, tmp_path, fmt):
    from app.interop import reports
    from app.storage.settings import set_setting

    set_setting(window.session.db, "org_name", "Desk")  # ClaimReview is signed
    open_article(window, qtbot)
    window.edits.edit_claim(window.claims[0].id, {"status": "checked"})
    target = tmp_path / f"check.{fmt}"
    with qtbot.waitSignal(window.session.runner.ended, timeout=20000):
        window.export_article(str(target), fmt)
    expected = reports.render(window.session.db, int(window.article.id), fmt)
    stamp = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")  # when it was written
    assert stamp.sub("T", target.read_text(encoding="utf-8")) == stamp.sub("T", expected)
    if fmt == "json":
        assert json.loads(expected)


# -- 9. the stored title ------------------------------------------------------------------------


def test_the_header_shows_a_files_stored_title(window, qtbot):
    save_article_with_claims(
        window.session.db,
        text=ARTICLE_TEXT + " Fin.",
        title="venezuela-2019-fr",
        claims=sentence_drafts(ARTICLE_TEXT),
        lang="fr",
        origin="file",
    )
    open_article(window, qtbot, 2)
    assert "venezuela-2019-fr" in window.panes.article_header.text()
    assert "Untitled" not in window.panes.article_header.text()
    assert window.windowTitle().startswith("venezuela-2019-fr")


def test_an_untitled_article_says_so(window, qtbot):
    save_article_with_claims(
        window.session.db, text="Rien.", title="  ", claims=[], lang="fr", origin="paste"
    )
    open_article(window, qtbot, 2)
    assert "Untitled article" in window.panes.article_header.text()


def test_an_error_goes_away_when_the_checker_moves_to_another_claim(window, qtbot):
    open_article(window, qtbot)
    window.panes.claims_pane.select_claim(window.claims[0].id)
    window.status.show_error("a claim cannot be empty")
    window.actions_.next_claim.trigger()
    assert window.panes.claims_pane.current_claim_id() == window.claims[1].id
    assert "⚠" not in window.statusBar().currentMessage()
