"""The fact-check panel searches Google Fact Check Tools (a loopback stand-in) in the background."""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import Qt

from app.errors import UserError
from app.interop.factcheck_api import FactCheckResult, PublishedReview, search_claims
from tests.fakes.http_server import FakeServer, Reply, unused_port_url
from ui.models.factcheck_model import FactCheckModel
from ui.panes.factcheck_panel import FactCheckPanel

PATH = "/v1alpha1/claims:search"


def review(name: str, rating: str, url: str | None = "https://factuel.afp.com/x") -> dict:
    return {
        "publisher": {"name": name, "site": "factuel.afp.com"},
        "url": url,
        "title": f"{name} : {rating}",
        "reviewDate": "2024-01-15T00:00:00Z",
        "textualRating": rating,
        "languageCode": "fr",
    }


PAGE_ONE = {
    "claims": [
        {
            "text": "Le chômage a baissé de 300 000 personnes en 2023",
            "claimant": "Un ministre",
            "claimDate": "2024-01-10T00:00:00Z",
            "claimReview": [review("AFP Factuel", "Faux"), review("Les Surligneurs", "Trompeur")],
        }
    ],
    "nextPageToken": "page-2",
}
PAGE_TWO = {
    "claims": [
        {
            "text": "300 000 chômeurs de moins",
            "claimReview": [review("Libération CheckNews", "Exagéré", url="javascript:x")],
        }
    ]
}


@pytest.fixture
def server():
    with FakeServer() as fake:
        yield fake


def make_panel(qtbot, base_url: str, key: str | None = "AIza-test") -> FactCheckPanel:
    panel = FactCheckPanel(
        searcher=partial(search_claims, base_url=base_url, timeout=5), key_reader=lambda: key
    )
    qtbot.addWidget(panel)
    return panel


def test_model_passes_qtmodeltester(qtmodeltester):
    model = FactCheckModel()
    result = FactCheckResult(
        "Texte", "X", None, (PublishedReview("AFP", "afp.com", None, "", None, "Faux", "fr"),)
    )
    model.set_results([result, result])
    qtmodeltester.check(model, force_py=True)
    model.set_results([result], append=True)
    qtmodeltester.check(model, force_py=True)


def test_search_lists_one_row_per_review(qtbot, server):
    server.add("GET", PATH, Reply(json=PAGE_ONE))
    panel = make_panel(qtbot, server.url)
    with qtbot.waitSignal(panel.search_finished, timeout=5000) as done:
        panel.set_claim("Le chômage a baissé de 300 000 personnes", "fr")
        panel.search()
    assert done.args == [2]
    request = server.requests[-1]
    assert request.query["query"] == ["Le chômage a baissé de 300 000 personnes"]
    assert request.query["languageCode"] == ["fr"]
    assert request.headers["x-goog-api-key"] == "AIza-test"
    model = panel.model
    assert [model.index(r, FactCheckModel.PUBLISHER).data() for r in range(2)] == [
        "AFP Factuel",
        "Les Surligneurs",
    ]
    assert model.index(0, FactCheckModel.RATING).data() == "Faux"
    assert model.index(0, FactCheckModel.DATE).data() == "2024-01-15"
    assert "Un ministre" in model.index(0, FactCheckModel.CLAIM).data(Qt.ItemDataRole.ToolTipRole)
    assert "2 published" in panel.message.text()
    assert panel.more_button.isEnabled()


def test_more_results_appends_the_next_page(qtbot, server):
    server.add(
        "GET",
        PATH,
        lambda req: Reply(json=PAGE_TWO if req.query.get("pageToken") else PAGE_ONE),
    )
    panel = make_panel(qtbot, server.url)
    panel.query.setText("chômage")
    with qtbot.waitSignal(panel.search_finished, timeout=5000):
        panel.search()
    with qtbot.waitSignal(panel.search_finished, timeout=5000) as done:
        panel.more_button.click()
    assert done.args == [3]
    assert server.requests[-1].query["pageToken"] == ["page-2"]
    assert not panel.more_button.isEnabled()  # no further page


def test_import_selected_and_all(qtbot, server):
    server.add("GET", PATH, Reply(json=PAGE_ONE))
    panel = make_panel(qtbot, server.url)
    panel.query.setText("chômage")
    with qtbot.waitSignal(panel.search_finished, timeout=5000):
        panel.search()
    assert not panel.import_selected_button.isEnabled()
    panel.view.selectRow(1)
    with qtbot.waitSignal(panel.import_requested) as chosen:
        panel.import_selected_button.click()
    [result] = chosen.args[0]
    assert [r.publisher_name for r in result.reviews] == ["Les Surligneurs"]
    assert result.claimant == "Un ministre"
    with qtbot.waitSignal(panel.import_requested) as everything:
        panel.import_all_button.click()
    assert [r.reviews[0].textual_rating for r in everything.args[0]] == ["Faux", "Trompeur"]


def test_open_review_only_for_web_urls(qtbot, server):
    server.add("GET", PATH, Reply(json=PAGE_TWO))
    panel = make_panel(qtbot, server.url)
    panel.query.setText("chômage")
    with qtbot.waitSignal(panel.search_finished, timeout=5000):
        panel.search()
    panel.view.selectRow(0)
    assert not panel.open_button.isEnabled()
    with qtbot.assertNotEmitted(panel.review_open_requested):
        panel.view.doubleClicked.emit(panel.model.index(0, 0))


def test_no_key_says_so_and_offers_settings(qtbot, server):
    panel = make_panel(qtbot, server.url, key=None)
    panel.query.setText("chômage")
    with qtbot.waitSignal(panel.search_failed, timeout=5000) as failed:
        panel.search()
    assert "No Google Fact Check Tools key" in failed.args[0]
    assert panel.message.text() == failed.args[0]
    assert not panel.settings_button.isHidden()
    assert server.requests == []
    with qtbot.waitSignal(panel.settings_requested):
        panel.settings_button.click()


def test_offline_is_one_clear_message(qtbot):
    panel = make_panel(qtbot, unused_port_url())
    panel.query.setText("chômage")
    with qtbot.waitSignal(panel.search_failed, timeout=5000) as failed:
        panel.search()
    assert "unreachable" in failed.args[0]
    assert panel.settings_button.isHidden()
    assert panel.model.rowCount() == 0


def test_bad_key_message_never_contains_the_key(qtbot, server):
    error = {
        "code": 400,
        "message": "API key not valid: AIza-test",
        "status": "INVALID_ARGUMENT",
        "details": [{"reason": "API_KEY_INVALID"}],
    }
    server.add("GET", PATH, Reply(status=400, json={"error": error}))
    panel = make_panel(qtbot, server.url)
    panel.query.setText("chômage")
    with qtbot.waitSignal(panel.search_failed, timeout=5000) as failed:
        panel.search()
    assert "not valid" in failed.args[0] and "AIza-test" not in failed.args[0]


def test_empty_query_is_refused_without_a_request(qtbot, server):
    panel = make_panel(qtbot, server.url)
    panel.search()
    assert "Type the words" in panel.message.text()
    assert server.requests == []


def test_unexpected_error_is_reported_not_swallowed(qtbot):
    def broken(*args, **kwargs):
        raise KeyError("bug")

    panel = FactCheckPanel(searcher=broken, key_reader=lambda: "k")
    qtbot.addWidget(panel)
    panel.query.setText("x")
    with qtbot.waitSignal(panel.search_failed, timeout=5000) as failed:
        panel.search()
    assert "KeyError" in failed.args[0]


def test_a_new_search_supersedes_a_slow_one(qtbot, server):
    def reply(request):
        if request.query["query"] == ["lent"]:
            return Reply(json=PAGE_ONE, delay=0.5)
        return Reply(json=PAGE_TWO)

    server.add("GET", PATH, reply)
    panel = make_panel(qtbot, server.url)
    panel.query.setText("lent")
    panel.search()
    panel.query.setText("rapide")
    with qtbot.waitSignal(panel.search_finished, timeout=5000) as done:
        panel.search()
    assert done.args == [1]
    panel.wait()
    qtbot.wait(50)  # let a stale delivery arrive, if it wrongly could
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, FactCheckModel.PUBLISHER).data() == "Libération CheckNews"


def test_hidden_panel_searches_when_shown(qtbot, server):
    server.add("GET", PATH, Reply(json=PAGE_ONE))
    panel = make_panel(qtbot, server.url)
    panel.set_claim("Le chômage a baissé", "en")
    assert panel.language.currentData() == "en"
    assert server.requests == []
    with qtbot.waitSignal(panel.search_finished, timeout=5000):
        panel.show()
    assert server.requests[-1].query["languageCode"] == ["en"]
    with qtbot.waitSignal(panel.search_finished, timeout=5000):
        panel.set_claim("Autre affirmation", None)  # visible: searches at once
    assert "languageCode" not in server.requests[-1].query


def test_another_claim_clears_the_previous_results(qtbot, server):
    server.add("GET", PATH, Reply(json=PAGE_ONE))
    panel = make_panel(qtbot, server.url)
    panel.show()
    with qtbot.waitSignal(panel.search_finished, timeout=5000):
        panel.set_claim("Le chômage a baissé", "fr")
    assert panel.model.rowCount() == 2
    with qtbot.assertNotEmitted(panel.search_finished, wait=100):
        panel.set_claim("Le chômage a baissé", "fr")  # same claim: kept, no new request
    assert panel.model.rowCount() == 2 and len(server.requests) == 1
    panel.hide()
    panel.set_claim("Autre chose", "fr")
    assert panel.model.rowCount() == 0 and panel.message.text() == ""
    panel.set_claim(None)
    assert panel.query.text() == "" and not panel.import_all_button.isEnabled()


def test_link_column_shows_where_the_review_is():
    model = FactCheckModel()
    review = PublishedReview(
        "AFP", "afp.com", "https://www.factuel.afp.com/a", "", None, "Faux", "fr"
    )
    model.set_results([FactCheckResult("Texte", None, None, (review,))])
    assert model.index(0, FactCheckModel.LINK).data() == "factuel.afp.com/a"


def test_stepping_through_claims_searches_only_the_last(qtbot, server):
    server.add("GET", PATH, Reply(json=PAGE_TWO))
    panel = make_panel(qtbot, server.url)
    panel.show()
    qtbot.waitExposed(panel)
    with qtbot.waitSignal(panel.search_finished, timeout=5000):
        for text in ("Première", "Deuxième", "Troisième"):
            panel.set_claim(text, "fr")
    panel.wait()
    assert [r.query["query"] for r in server.requests] == [["Troisième"]]


def test_error_text_is_never_rendered_as_markup(qtbot):
    def hostile(*args, **kwargs):
        raise UserError('Service said: <img src="http://x/y.png"><b>boom</b>')

    panel = FactCheckPanel(searcher=hostile, key_reader=lambda: "k")
    qtbot.addWidget(panel)
    panel.query.setText("x")
    with qtbot.waitSignal(panel.search_failed, timeout=5000):
        panel.search()
    assert panel.message.textFormat() == Qt.TextFormat.PlainText
    assert panel.message.text() == 'Service said: <img src="http://x/y.png"><b>boom</b>'
