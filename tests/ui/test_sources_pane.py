"""The sources pane shows a claim's evidence and turns the user's gestures into intent signals."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit

from app.domain import ClaimSource, DomainRating, Source
from ui.models.sources_model import SourcesModel, rating_for
from ui.panes.source_form import SourceForm
from ui.panes.sources_pane import SourcesPane
from ui.validation import is_http_url


def link(link_id: int, url: str, stance: str = "context", **fields) -> ClaimSource:
    source = Source(
        id=link_id,
        url=url,
        title=fields.pop("title", f"Titre {link_id}"),
        publisher=fields.pop("publisher", "Insee"),
        published_date=fields.pop("published_date", "2023-11-14"),
        domain="insee.fr",
        archive_url=fields.pop("archive_url", None),
    )
    return ClaimSource(id=link_id, claim_id=7, source=source, stance=stance, **fields)


SOURCES = [
    link(1, "https://www.insee.fr/fr/statistiques/1", "refutes", excerpt="2,2 millions"),
    link(2, "https://blog.exemple.fr/post", "supports", note="partisan"),
    link(3, "javascript:alert(1)", "context"),
]
RATINGS = {
    "insee.fr": DomainRating("insee.fr", "reliable", "Institut statistique"),
    "exemple.fr": DomainRating("exemple.fr", "unreliable"),
}


@pytest.fixture
def pane(qtbot):
    widget = SourcesPane()
    qtbot.addWidget(widget)
    widget.set_sources(7, SOURCES, RATINGS)
    return widget


def test_model_passes_qtmodeltester(qtmodeltester):
    model = SourcesModel()
    model.set_sources(SOURCES, RATINGS)
    qtmodeltester.check(model, force_py=True)
    model.set_sources([], {})
    qtmodeltester.check(model, force_py=True)


def test_model_shows_stance_and_domain_reliability():
    model = SourcesModel()
    model.set_sources(SOURCES, RATINGS)
    cell = model.index(0, SourcesModel.STANCE)
    assert cell.data() == "Refutes"
    assert cell.data(SourcesModel.ColorRole) == "#c62828"
    assert model.index(0, SourcesModel.RELIABILITY).data() == "Reliable"
    # blog.exemple.fr inherits exemple.fr's rating
    assert model.index(1, SourcesModel.RELIABILITY).data() == "Unreliable"
    assert model.index(2, SourcesModel.RELIABILITY).data() == ""
    tip = model.index(0, SourcesModel.SOURCE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "<qt>https://www.insee.fr/fr/statistiques/1</qt>"


def test_rating_for_walks_up_to_the_rated_parent():
    assert rating_for("https://news.insee.fr/x", RATINGS).domain == "insee.fr"
    assert rating_for("https://fr/x", RATINGS) is None
    assert rating_for("not a url", RATINGS) is None


def test_no_claim_disables_adding(pane):
    pane.set_sources(None, [], {})
    assert not pane.add_button.isEnabled()
    assert pane.model.rowCount() == 0
    pane.open_add_form()
    assert pane.form() is None


def test_selection_shows_details_and_enables_actions(pane):
    assert not pane.remove_button.isEnabled()
    pane.view.selectRow(0)
    assert pane.remove_button.isEnabled() and pane.open_button.isEnabled()
    html = pane.details.toPlainText()
    assert "2,2 millions" in html and "Institut statistique" in html
    assert "Not archived yet." in html


def test_details_escape_html(pane):
    pane.set_sources(7, [link(9, "https://insee.fr/a", title="<b>x</b><script>")], RATINGS)
    pane.view.selectRow(0)
    assert "<b>x</b><script>" in pane.details.toPlainText()


def test_remove_archive_and_open_emit_for_selected(pane, qtbot):
    pane.view.selectRow(1)
    with qtbot.waitSignal(pane.source_remove_requested) as removed:
        pane.remove_button.click()
    assert removed.args == [2]
    with qtbot.waitSignal(pane.source_archive_requested) as archived:
        pane.archive_button.click()
    assert archived.args == [2]
    with qtbot.waitSignal(pane.source_open_requested) as opened:
        pane.open_button.click()
    assert opened.args == ["https://blog.exemple.fr/post"]


def test_non_web_links_are_never_opened(pane, qtbot):
    pane.view.selectRow(2)
    assert not pane.open_button.isEnabled()
    with qtbot.assertNotEmitted(pane.source_open_requested):
        pane.open_button.click()
        pane.details.anchorClicked.emit(QUrl("file:///etc/passwd"))
        pane.details.anchorClicked.emit(QUrl("javascript:alert(1)"))
    with qtbot.waitSignal(pane.source_open_requested) as opened:
        pane.details.anchorClicked.emit(QUrl("https://web.archive.org/web/2023/x"))
    assert opened.args == ["https://web.archive.org/web/2023/x"]


def test_selection_survives_a_refresh(pane):
    pane.view.selectRow(1)
    pane.set_sources(7, list(reversed(SOURCES)), RATINGS)
    assert int(pane.selected_source().id) == 2


def test_add_form_emits_fields_with_today_as_access_date(pane, qtbot):
    pane.add_button.click()
    form = pane.form()
    assert form is not None and form.accessed_date.text() == date.today().isoformat()
    form.url.setText("  https://www.insee.fr/fr/statistiques/2  ")
    form.title.setText("Taux de chômage")
    form.stance.setCurrentIndex(form.stance.findData("refutes"))
    form.excerpt.setPlainText("7,4 % de la population active")
    with qtbot.waitSignal(pane.source_add_requested) as added:
        form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    claim_id, fields = added.args
    assert claim_id == 7
    assert fields == {
        "url": "https://www.insee.fr/fr/statistiques/2",
        "title": "Taux de chômage",
        "publisher": "",
        "published_date": None,
        "accessed_date": date.today().isoformat(),
        "stance": "refutes",
        "excerpt": "7,4 % de la population active",
        "note": "",
        "archive_url": None,
    }


@pytest.mark.parametrize(
    "url", ["", "ftp://exemple.fr/doc", "www.insee.fr", "file:///etc/passwd", "https://a b.fr"]
)
def test_form_refuses_non_web_url_inline(pane, qtbot, url):
    pane.open_add_form()
    form = pane.form()
    form.url.setText(url)
    ok = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    with qtbot.assertNotEmitted(pane.source_add_requested):
        form.accept()  # Return in a field
    assert form.isVisible()
    if url:
        assert "http" in form.error.text() and form.error.isVisible()


def test_form_refuses_bad_archive_url_and_dates(qtbot):
    form = SourceForm(None, None)
    qtbot.addWidget(form)
    ok = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    form.url.setText("https://insee.fr/a")
    assert ok.isEnabled()
    form.archive_url.setText("archive.org/x")
    assert not ok.isEnabled() and "archived copy" in form.error.text()
    form.archive_url.setText("")
    form.published_date.setText("14/11/2023")
    assert not ok.isEnabled() and "publication date" in form.error.text()
    form.published_date.setText("2023-11")
    assert ok.isEnabled() and form.error.isHidden()


def test_edit_form_emits_only_changes(pane, qtbot):
    pane.view.selectRow(0)
    pane.edit_button.click()
    form = pane.form()
    assert form.url.text() == SOURCES[0].source.url
    form.note.setPlainText("Série CVS")
    form.stance.setCurrentIndex(form.stance.findData("context"))
    with qtbot.waitSignal(pane.source_edit_requested) as edited:
        form.accept()
    assert edited.args == [1, {"note": "Série CVS", "stance": "context"}]


def test_unchanged_edit_emits_nothing(pane, qtbot):
    pane.view.selectRow(0)
    pane.view.doubleClicked.emit(pane.model.index(0, 1))
    with qtbot.assertNotEmitted(pane.source_edit_requested):
        pane.form().accept()


def test_cancel_emits_nothing(pane, qtbot):
    pane.open_add_form()
    pane.form().url.setText("https://insee.fr/a")
    with qtbot.assertNotEmitted(pane.source_add_requested):
        pane.form().reject()
    assert pane.form() is None


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("https://insee.fr", True),
        ("http://127.0.0.1:8000/a", True),
        ("HTTPS://X.FR", True),
        ("mailto:a@b.fr", False),
        ("https://", False),
        ("http://[::1", False),
    ],
)
def test_is_http_url(text, ok):
    assert is_http_url(text) is ok


def test_archived_column():
    archived = link(5, "https://insee.fr/b", archive_url="https://web.archive.org/web/1/x")
    snapshot_only = ClaimSource(
        6, 7, Source(6, "https://insee.fr/c", snapshot_at="2026-11-25T10:00:00Z")
    )
    model = SourcesModel()
    model.set_sources([archived, snapshot_only, SOURCES[0]], {})
    cells = [model.index(r, SourcesModel.ARCHIVED).data() for r in range(3)]
    assert cells == ["✓", "text only", ""]
    tip = model.index(0, SourcesModel.ARCHIVED).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "<qt>https://web.archive.org/web/1/x</qt>"


def test_context_menu_mirrors_the_buttons(pane, qtbot):
    pane.view.selectRow(2)  # javascript: URL, cannot be opened
    menu = pane.context_menu()
    enabled = {action.text(): action.isEnabled() for action in menu.actions()}
    assert enabled == {
        "&Add source…": True,
        "&Edit…": True,
        "&Remove": True,
        "&Open": False,
        "Ar&chive": True,
    }
    with qtbot.waitSignal(pane.source_remove_requested) as removed:
        menu.actions()[2].trigger()
    assert removed.args == [3]
    pane.view.customContextMenuRequested.emit(pane.view.visualRect(pane.model.index(0, 1)).center())
    assert pane.selected_source().id == 1


def test_add_form_takes_a_copied_web_address(qtbot, qapp):
    clipboard = qapp.clipboard()
    clipboard.setText("  https://www.insee.fr/fr/statistiques/7764315 ")
    form = SourceForm(None, None)
    qtbot.addWidget(form)
    assert form.url.text() == "https://www.insee.fr/fr/statistiques/7764315"
    clipboard.setText("pas une adresse")
    other = SourceForm(None, None)
    qtbot.addWidget(other)
    assert other.url.text() == ""
    clipboard.clear()


def test_a_new_source_goes_to_the_claim_selected_when_the_form_opened(pane, qtbot):
    pane.open_add_form()
    form = pane.form()
    form.url.setText("https://insee.fr/a")
    pane.set_sources(8, [], {})  # the selection moved meanwhile
    with qtbot.waitSignal(pane.source_add_requested) as added:
        form.accept()
    assert added.args[0] == 7


def test_saved_text_of_a_source_can_be_read(pane, qtbot):
    saved = ClaimSource(
        9,
        7,
        Source(
            9,
            "https://insee.fr/p",
            "Page",
            snapshot_text="Le taux de chômage est de 7,4 %.",
            snapshot_at="2026-11-25T10:00:00Z",
        ),
    )
    pane.set_sources(7, [saved], RATINGS)
    pane.view.selectRow(0)
    assert "Read it" in pane.details.toHtml()
    with qtbot.assertNotEmitted(pane.source_open_requested):
        pane.details.anchorClicked.emit(QUrl("crible-snapshot:"))
    dialog = pane.findChild(QDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QPlainTextEdit, "snapshot_text")
    assert text.isReadOnly() and text.toPlainText() == "Le taux de chômage est de 7,4 %."
    dialog.close()


def test_no_saved_text_no_dialog(pane):
    pane.view.selectRow(0)
    assert pane.show_snapshot() is None


def test_tooltips_show_archive_markup_as_text():
    hostile = link(4, "https://insee.fr/x", excerpt='<img src="http://evil/x.png">\n2e ligne')
    model = SourcesModel()
    model.set_sources([hostile], {})
    tip = model.index(0, SourcesModel.PUBLISHER).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "<qt>&lt;img src=&quot;http://evil/x.png&quot;&gt;<br>2e ligne</qt>"


def test_return_edits_and_delete_removes(pane, qtbot):
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    qtbot.waitActive(pane)
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    pane.view.selectRow(0)
    qtbot.keyClick(pane.view, Qt.Key.Key_Return)
    assert pane.form() is not None and pane.form().link.id == 1
    pane.form().reject()
    with qtbot.waitSignal(pane.source_remove_requested) as removed:
        qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert removed.args == [1]
