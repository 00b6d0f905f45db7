"""The window's publishing views: the publish checklist, the Articles view, File › Import."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.domain import ArticleId, ArticleSummary
from app.storage.articles import get_article
from app.storage.scales import default_scale
from app.storage.settings import set_setting
from tests.ui.test_workflow import claim_with, open_article
from ui.dialogs.articles_view import ArticlesView
from ui.dialogs.publish_checklist import PublishChecklist
from ui.models.articles_model import ArticleSummariesModel
from ui.models.checklist_model import ChecklistModel, ChecklistRow
from ui.window.publish_desk import suggested_file_name


def _false(window):
    return next(level for level in default_scale(window.session.db).levels if level.key == "false")


def _checked(window, qtbot):
    open_article(window, qtbot)
    claim = claim_with(window, "300 tonnes")
    window.edits.edit_claim(claim.id, {"verdict_level_id": _false(window).id, "status": "checked"})
    return claim


def test_models_pass_qtmodeltester(qtmodeltester):
    articles = ArticleSummariesModel()
    articles.set_rows([ArticleSummary(ArticleId(1), "Titre", "Le Journal", None, "2019-02-25",
                                      "2026-01-01T10:00:00Z", "2026-01-02T10:00:00Z", 4, 1, 2,
                                      1)])  # fmt: skip
    qtmodeltester.check(articles, force_py=True)
    checklist = ChecklistModel()
    checklist.set_rows([ChecklistRow(3, 1, "Le chômage a baissé", "Faux", ("review URL",), ()),
                        ChecklistRow(4, 2, "Le pont", "Vrai", (), ("reviewer",))])  # fmt: skip
    qtmodeltester.check(checklist, force_py=True)


def test_checklist_shows_what_is_missing_and_fixes_it_there(window, qtbot):
    claim = _checked(window, qtbot)
    dialog = window.publish.show_checklist()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, PublishChecklist)
    assert dialog.model.rowCount() == 1
    row = dialog.model.row_at(0)
    assert row.claim_id == claim.id
    assert row.missing_required == ("organisation", "review URL", "article URL")
    assert not dialog.export_button.isEnabled()

    dialog.fields["review_url"].setText("https://desk.example.org/checks/aide")
    dialog.fields["review_headline"].setText("Non, pas 300 tonnes")
    dialog.fields["reviewer"].setText("Ana Dupont")
    dialog.fields["article_url"].setText("https://journal.example.fr/aide")
    dialog.fields["article_outlet"].setText("Le Journal")
    dialog.fields["org_name"].setText("Desk Vérif")
    dialog.fields["org_url"].setText("https://desk.example.org")
    assert dialog.apply()

    saved = window.session.claim(claim.id)
    assert (saved.review_url, saved.reviewer) == (
        "https://desk.example.org/checks/aide",
        "Ana Dupont",
    )
    assert get_article(window.session.db, window.article.id).outlet == "Le Journal"
    assert dialog.model.row_at(0).ready and dialog.export_button.isEnabled()
    # The checker's edits are undoable like every other.
    window.session.undo_stack.undo()
    assert window.session.claim(claim.id).review_url is None


def test_checklist_refuses_a_bad_value_inline(window, qtbot):
    _checked(window, qtbot)
    dialog = window.publish.show_checklist()
    qtbot.addWidget(dialog)
    dialog.fields["review_url"].setText("javascript:alert(1)")
    assert not dialog.apply()
    assert "http" in dialog.form_error.text()
    dialog.fields["review_url"].setText("")
    dialog.fields["article_published"].setText("25/02/2019")
    assert not dialog.apply()
    assert "date" in dialog.form_error.text()


def test_claimreview_export_of_an_incomplete_check_opens_the_checklist(window, qtbot, monkeypatch):
    _checked(window, qtbot)
    set_setting(window.session.db, "org_name", "Desk")
    shown = []
    monkeypatch.setattr(PublishChecklist, "show", lambda self: shown.append(self))
    assert window.publish.claimreview_ready() is False
    assert len(shown) == 1 and shown[0].model.row_at(0).missing_required


def test_export_proposes_a_file_name_from_the_title():
    from app.domain import Article

    article = Article(ArticleId(7), "Venezuela : l'aide bloquée ?", "texte")
    assert suggested_file_name(article, ".md") == "Venezuela-l-aide-bloquée.md"
    assert suggested_file_name(Article(ArticleId(7), "", "t"), ".csv") == "article-7.csv"


def test_articles_view_lists_opens_and_deletes_with_backup_and_undo(window, qtbot, monkeypatch):
    _checked(window, qtbot)
    other = window.session.db.execute(
        "INSERT INTO articles(title, text, lang) VALUES ('Autre article', 'Un texte.', 'fr')"
    ).lastrowid
    view = ArticlesView(window.session.path)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.articles_loaded, timeout=10000):
        view.refresh()
    titles = {
        view.model.row_at(r).title: view.model.row_at(r) for r in range(view.model.rowCount())
    }
    assert titles["Aide au Venezuela"].checked == 1 and titles["Aide au Venezuela"].claims == 4
    view.filter.setText("autre")
    assert view.proxy.rowCount() == 1

    # The open article is not deleted under the checker's feet.
    window.publish.delete_article(int(window.article.id))
    assert "open" in window.statusBar().currentMessage()

    window.publish.delete_article(other)
    assert "backup" in window.statusBar().currentMessage()
    backups = list((window.session.path.parent / "backups").glob("*before-delete*"))
    assert len(backups) == 1
    count = window.session.db.execute("SELECT count(*) FROM articles WHERE id = ?", [other])
    assert count.fetchone()[0] == 0
    window.session.undo_stack.undo()
    assert get_article(window.session.db, other).title == "Autre article"

    view.select_article(other)
    opened = []
    view.article_open_requested.connect(opened.append)
    view.open_button.click()
    assert opened == [other]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    asked = []
    view.article_delete_requested.connect(asked.append)
    view.delete_button.click()
    assert asked == [other]


def test_the_open_articles_view_follows_a_delete_and_its_undo(window, qtbot):
    _checked(window, qtbot)
    other = window.session.db.execute(
        "INSERT INTO articles(title, text, lang) VALUES ('Autre article', 'Un texte.', 'fr')"
    ).lastrowid
    window.publish.show_articles()
    view = window.publish._articles_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=10000)
    with qtbot.waitSignal(view.articles_loaded, timeout=10000):
        window.publish.delete_article(other)  # refreshed from ArchiveSession.changed
    assert view.model.rowCount() == 1
    with qtbot.waitSignal(view.articles_loaded, timeout=10000):
        window.session.undo_stack.undo()
    assert view.model.rowCount() == 2
    view.close()


@pytest.fixture
def factcheck_file(tmp_path):
    path = tmp_path / "checks.json"
    good = {"@type": "ClaimReview", "claimReviewed": "Le pont est fermé depuis lundi.",
            "url": "https://factuel.example.org/pont", "author": {"name": "Factuel"},
            "reviewRating": {"alternateName": "Faux"}}  # fmt: skip
    path.write_text(json.dumps([good, {"@type": "ClaimReview"}]), encoding="utf-8")
    return path


def test_file_import_reports_what_was_skipped(window, qtbot, factcheck_file):
    with qtbot.waitSignal(window.session.runner.ended, timeout=30000):
        window.publish.import_files([str(factcheck_file)])
    report = window.publish.last_import
    assert (report["imported"], report["skipped"]) == (1, 1)
    assert "claimReviewed" in report["errors"][0] or "claim text" in report["errors"][0]
    assert "1 fact-check(s) imported, 1 skipped." in window.statusBar().currentMessage()
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "why" in boxes[-1].informativeText()


def test_past_work_search_by_verdict_status_and_dates(window, qtbot):
    from ui.dialogs.archive_browser import ArchiveBrowser

    claim = _checked(window, qtbot)
    browser = ArchiveBrowser(window.session.path)
    qtbot.addWidget(browser)
    panel = browser.past_work
    assert browser.tabs.count() == 3
    panel.fields["verdict"].setText("faux")
    with qtbot.waitSignal(panel.search_finished, timeout=10000) as found:
        panel.search()
    assert found.args == [1] and panel.model.row_at(0).claim_id == claim.id
    panel.fields["verdict"].setText("")
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("to_check"))
    qtbot.waitUntil(lambda: not panel._call.busy and panel.model.rowCount() == 3, timeout=10000)
    panel.fields["date_from"].setText("le 3 mars")
    panel.search()
    assert "date" in panel.status.text()
    panel.fields["date_from"].setText("2990-01-01")
    with qtbot.waitSignal(panel.search_finished, timeout=10000) as found:
        panel.search()
    assert found.args == [0]


def test_claim_hits_model_passes_qtmodeltester(qtmodeltester):
    from app.storage.claim_search import ClaimHit
    from ui.models.claim_hits_model import ClaimHitsModel

    model = ClaimHitsModel()
    model.set_rows([ClaimHit(1, "x", "checked", "Faux", "AFP", "Le Journal", 2, "<b>T</b>", None)])
    qtmodeltester.check(model, force_py=True)
    # Archive text in a tooltip is escaped: Qt would render it as markup.
    assert "&lt;b&gt;T" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_the_edit_claim_dialog_is_wide_enough_and_wraps(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QPlainTextEdit

    from ui.dialogs.claim_text_dialog import ClaimTextDialog

    open_article(window, qtbot)
    claim = window.claims[0]
    window.panes.claims_pane.select_claim(claim.id)
    seen = {}

    def accept(dialog):
        wrap = dialog.edit.lineWrapMode()
        seen.update(width=dialog.width(), text=dialog.text(),
                    wraps=wrap != QPlainTextEdit.LineWrapMode.NoWrap)  # fmt: skip
        dialog.edit.setPlainText("Le gouvernement a annoncé 300 tonnes d'aide.")
        return 1

    monkeypatch.setattr(ClaimTextDialog, "exec", accept)
    window.ask_claim_wording()
    assert seen == {"width": 680, "text": claim.text, "wraps": True}
    assert window.session.claim(claim.id).text == "Le gouvernement a annoncé 300 tonnes d'aide."


def test_a_failed_open_is_shown_in_a_dialog_too(window, qtbot, tmp_path):
    missing = tmp_path / "nope.txt"
    with qtbot.waitSignal(window.session.runner.ended, timeout=20000):
        window.open_source(str(missing))
    assert "no such file" in window.statusBar().currentMessage()
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "no such file" in boxes[-1].text()
