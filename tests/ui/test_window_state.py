"""The open article's state (``ui.window.state.OpenArticle``) without a window, and the seams
other parts hook into the window with (a detail tab, a dock, a status-bar widget)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel

from app.domain import Article, ArticleId, Claim, ClaimId
from ui.jobs import ArticleBundle, MatchResults
from ui.window.state import OpenArticle, best_matched, first_to_check


def _claim(i: int, worth: float = 0.5, status: str = "to_check") -> Claim:
    return Claim(
        id=ClaimId(i),
        text=f"claim {i}",
        start=i * 10,
        end=i * 10 + 5,
        checkworthiness=worth,
        status=status,
    )


def _bundle(article_id: int, claims: list[Claim]) -> ArticleBundle:
    article = Article(id=ArticleId(article_id), text="x" * 100, title="T")
    return ArticleBundle(article, tuple(claims))


def test_a_new_article_starts_with_no_results_on_its_most_check_worthy_claim() -> None:
    state = OpenArticle()
    state.results = MatchResults(matches={99: []})
    same, keep = state.show(_bundle(1, [_claim(1, 0.2), _claim(2, 0.9), _claim(3, 0.5)]))
    assert (same, keep) == (False, 2)
    assert state.auto_selected == 2  # the earlier checks may still pick a better one
    assert state.results.matches == {}


def test_the_same_article_again_keeps_results_and_selects_what_is_pending() -> None:
    state = OpenArticle()
    state.show(_bundle(1, [_claim(1), _claim(2)]))
    state.results.matches[1] = []
    state.pending_select = 2
    same, keep = state.show(_bundle(1, [_claim(1), _claim(2), _claim(3)]))
    assert (same, keep) == (True, 2)
    assert state.results.matches == {1: []}
    assert state.pending_select is None and state.auto_selected is None


def test_open_on_claim_counts_from_one_and_stops_at_the_last() -> None:
    state = OpenArticle(open_on_claim=9)
    assert state.show(_bundle(1, [_claim(1), _claim(2)])) == (False, 2)


def test_numbers_neighbours_and_spans() -> None:
    state = OpenArticle()
    state.show(_bundle(1, [_claim(1), _claim(2), _claim(3)]))
    assert [state.number_of(i) for i in (1, 3, 7)] == [1, 3, None]
    assert state.neighbour({2}) == 3
    assert state.neighbour({2, 3}) == 1
    assert state.neighbour({1, 2, 3}) is None
    assert state.next_of(3) is None and state.next_of(1) == _claim(2)
    assert state.same_span(20, 25) == _claim(2) and state.same_span(20, 26) is None


def test_an_edited_claim_replaces_its_old_self() -> None:
    state = OpenArticle()
    state.show(_bundle(1, [_claim(1), _claim(2)]))
    reworded = Claim(id=ClaimId(2), text="new words", start=20, end=25)
    assert state.replace_claim(reworded) == _claim(2)
    assert state.claim(2) == reworded
    assert state.replace_claim(Claim(id=ClaimId(8), text="elsewhere")) is None


def test_first_to_check_prefers_claims_still_to_check() -> None:
    claims = [_claim(1, 0.9, "checked"), _claim(2, 0.4), _claim(3, 0.4)]
    assert first_to_check(claims) == 2  # the earliest of equals
    assert first_to_check([_claim(1, 0.2, "checked"), _claim(2, 0.7, "checked")]) == 2


def test_best_matched_ranks_tier_then_score() -> None:
    claims = [_claim(1), _claim(2), _claim(3)]
    best = {1: ("related", 70.0), 2: ("match", 81.0), 3: ("none", 99.0)}
    assert best_matched(claims, best) == 2
    assert best_matched(claims, {3: ("none", 99.0)}) is None


def test_other_parts_add_a_tab_a_dock_and_a_status_widget(window) -> None:
    tab, dock_body, badge = QLabel("articles"), QLabel("publish"), QLabel("sync: ok")
    window.add_detail_tab(tab, "Articles")
    dock = window.add_dock(dock_body, "Checklist", Qt.DockWidgetArea.RightDockWidgetArea)
    window.status.add_widget(badge)
    tabs = window.panes.tabs
    assert tabs.tabText(tabs.indexOf(tab)) == "Articles"
    assert isinstance(dock, QDockWidget) and dock.widget() is dock_body
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert badge.parent() is window.status and badge.isVisibleTo(window)


def test_reload_article_reads_claims_changed_behind_the_window(window, qtbot) -> None:
    from app.storage.claims import update_claim

    with qtbot.waitSignal(window.matches_ready, timeout=20000):
        window.open_article(1)
    claim = window.claims[0]
    update_claim(window.session.db, claim.id, status="checked")  # another program, say
    assert window.claims[0].status == "to_check"
    with qtbot.waitSignal(window.article_shown, timeout=20000):
        window.reload_article()
    assert window.claims[0].status == "checked"
