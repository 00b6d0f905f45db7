"""The archive browser searches with the matcher in a worker and lists articles to open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl

from app.matching import Match
from app.matching.explain import Explanation
from app.storage import open_archive
from app.storage.articles import add_article
from app.storage.claims import add_claim
from ui.dialogs.archive_browser import ArchiveBrowser
from ui.models.archive_models import ArchiveHit, ArticlesModel, HitsModel, hit_details_html

TIMEOUT = 10_000


@pytest.fixture
def archive(db_path):
    db = open_archive(db_path)
    article = add_article(
        db,
        text="Le ministre affirme que le chômage a baissé de 300 000 personnes en 2023.",
        title="Entretien avec le ministre du Travail",
        outlet="Le Quotidien",
        lang="fr",
    )
    add_claim(
        db,
        text="le chômage a baissé de 300 000 personnes en 2023",
        article_id=article.id,
        start=24,
        end=73,
        lang="fr",
    )
    add_article(db, text="Les prix de l'énergie ont doublé.", title="", outlet="Eco", lang="fr")
    add_claim(
        db, text="Le chômage a baissé de 200 000 personnes en 2022", lang="fr", origin="import"
    )
    add_claim(db, text="La dette publique dépasse 3 000 milliards", lang="fr", origin="import")
    db.close()
    return db_path, int(article.id)


@pytest.fixture
def browser(qtbot, archive):
    path, _ = archive
    dialog = ArchiveBrowser(path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.articles.rowCount() == 2, timeout=TIMEOUT)
    yield dialog
    dialog.wait()


def make_hit(tier="match", article_id=None, url="https://verif.example.fr/a") -> ArchiveHit:
    why = Explanation(
        shared_terms=("chomage", "baisse"),
        numbers_differing=(("300000", "200000"),),
        summary="Numbers differ (300000 vs 200000)",
    )
    match = Match(
        1, "Le chômage <b>baisse</b>", "", 72.4, tier, "Faux", url, "Vérif", None, "fr", why
    )
    return ArchiveHit(match, article_id, "Titre" if article_id else "")


def test_models_pass_qtmodeltester(qtmodeltester, archive):
    hits = HitsModel()
    hits.set_hits([make_hit(), make_hit("related", 3), make_hit("none")])
    qtmodeltester.check(hits, force_py=True)
    articles = ArticlesModel()
    from ui.models.archive_models import load_articles

    articles.set_articles(load_articles(archive[0]))
    qtmodeltester.check(articles, force_py=True)


def test_hits_model_cells():
    model = HitsModel()
    model.set_hits([make_hit(), make_hit("related", 3)])
    assert model.index(0, HitsModel.TIER).data() == "Same claim"
    assert model.index(1, HitsModel.TIER).data() == "Related"
    assert model.index(0, HitsModel.SCORE).data() == "72"
    assert model.index(0, HitsModel.ARTICLE).data() == "(archive entry)"
    assert model.index(1, HitsModel.ARTICLE).data() == "Titre"


def test_details_explain_and_escape():
    html = hit_details_html(make_hit())
    assert "&lt;b&gt;baisse&lt;/b&gt;" in html
    assert "300000 ≠ 200000" in html
    assert 'href="https://verif.example.fr/a"' in html
    assert "href" not in hit_details_html(make_hit(url="javascript:alert(1)"))


def test_lists_articles_newest_first_and_filters(browser):
    model = browser.articles
    titles = [model.index(r, ArticlesModel.TITLE).data() for r in range(2)]
    assert titles == ["Les prix de l'énergie ont doublé.", "Entretien avec le ministre du Travail"]
    assert browser.articles_status.text() == "2 article(s)"
    browser.article_filter.setText("quotidien")
    assert browser.articles_proxy.rowCount() == 1


def test_open_article_from_the_list(browser, archive, qtbot):
    _, article_id = archive
    assert not browser.open_article_button.isEnabled()
    browser.article_filter.setText("Entretien")
    browser.articles_view.selectRow(0)
    with qtbot.waitSignal(browser.article_open_requested) as opened:
        browser.open_article_button.click()
    assert opened.args == [article_id]
    with qtbot.waitSignal(browser.article_open_requested):
        browser.articles_view.doubleClicked.emit(browser.articles_proxy.index(0, 0))


def test_search_runs_in_the_background_and_ranks(browser, archive, qtbot):
    _, article_id = archive
    browser.query.setText("Le chômage a baissé de 300 000 personnes")
    with qtbot.waitSignal(browser.search_finished, timeout=TIMEOUT) as done:
        browser.search()
        assert browser.hits.rowCount() == 0  # search() returned before the result
        assert browser.search_status.text() == "Searching…"
    assert done.args[0] >= 1
    best = browser.hits.hit_at(0)
    assert best.article_id == article_id and best.match.tier == "match"
    assert "Entretien" in best.article_title
    assert browser.selected_hit() == best  # first result selected, details shown
    assert "chômage" in browser.details.toPlainText()  # the shared words as typed
    with qtbot.waitSignal(browser.article_open_requested) as opened:
        browser.open_hit_button.click()
    assert opened.args == [article_id]


def test_archive_entries_cannot_be_opened_as_articles(browser, qtbot):
    browser.weaker.setChecked(True)
    browser.query.setText("dette publique 3 000 milliards")
    with qtbot.waitSignal(browser.search_finished, timeout=TIMEOUT):
        browser.search()
    row = next(
        r for r in range(browser.hits.rowCount()) if "dette" in browser.hits.hit_at(r).match.text
    )
    browser.hits_view.selectRow(row)
    assert not browser.open_hit_button.isEnabled()
    with qtbot.assertNotEmitted(browser.article_open_requested):
        browser.hits_view.doubleClicked.emit(browser.hits.index(row, 0))


def test_typing_searches_after_a_pause(browser, qtbot):
    with qtbot.waitSignal(browser.search_finished, timeout=TIMEOUT):
        qtbot.keyClicks(browser.query, "chomage 300 000")  # ASCII: QTest asserts otherwise


def test_nothing_found_and_empty_query(browser, qtbot):
    browser.query.setText("zzzz introuvable")
    with qtbot.waitSignal(browser.search_finished, timeout=TIMEOUT) as done:
        browser.search()
    assert done.args == [0]
    assert browser.search_status.text() == "Nothing similar in the archive."
    browser.query.setText("")
    browser.search()
    assert browser.search_status.text() == "" and browser.hits.rowCount() == 0


def test_only_web_links_are_opened(browser, qtbot):
    with qtbot.assertNotEmitted(browser.url_open_requested):
        browser.details.anchorClicked.emit(QUrl("file:///etc/passwd"))
    with qtbot.waitSignal(browser.url_open_requested):
        browser.details.anchorClicked.emit(QUrl("https://verif.example.fr/a"))


def test_unreadable_archive_is_a_message_not_a_crash(qtbot, tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("pas une base", encoding="utf-8")
    dialog = ArchiveBrowser(bad)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "not a readable" in dialog.articles_status.text(), timeout=TIMEOUT)
    dialog.query.setText("chômage")
    dialog.search()
    qtbot.waitUntil(lambda: "not a readable" in dialog.search_status.text(), timeout=TIMEOUT)
    dialog.wait()


def test_accepts_an_object_with_the_archive_path(qtbot, archive):
    class Runner:
        db_path = archive[0]

    dialog = ArchiveBrowser(Runner())
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.articles_loaded, timeout=TIMEOUT) as loaded:
        dialog.refresh_articles()
    assert loaded.args == [2]
    dialog.wait()


def test_return_opens_the_selected_article(browser, archive, qtbot):
    browser.show()
    qtbot.waitExposed(browser)
    browser.activateWindow()
    qtbot.waitActive(browser)
    browser.tabs.setCurrentIndex(1)
    browser.articles_view.setFocus()
    qtbot.waitUntil(browser.articles_view.hasFocus)
    browser.articles_view.selectRow(1)
    with qtbot.waitSignal(browser.article_open_requested) as opened:
        qtbot.keyClick(browser.articles_view, Qt.Key.Key_Return)
    assert opened.args == [archive[1]]
