"""The article view: highlighted spans, clicks select claims, selection makes a claim."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from app.domain import Claim, ClaimId
from ui.jobs import Mark
from ui.panes.article_view import ArticleView, mark_tooltip, status_tint, worth_color

TEXT = "Premier fait : 300 tonnes. Deuxième 🙂 fait « cité » ici.\nFin du texte."


def _claims() -> list[Claim]:
    second = TEXT.index("Deuxième")
    return [
        Claim(ClaimId(1), TEXT[0:26], article_id=1, start=0, end=26, checkworthiness=0.9),
        Claim(
            ClaimId(2),
            TEXT[second:57],
            article_id=1,
            start=second,
            end=57,
            status="checked",
            checkworthiness=0.2,
        ),
    ]


@pytest.fixture
def view(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    marks = [
        Mark("quantity", TEXT.index("300"), TEXT.index("300") + 10),
        Mark("loaded", TEXT.index("cité"), TEXT.index("cité") + 4, loaded=True),
    ]
    view.set_article(TEXT, _claims(), marks)
    return view


def _format_at(view: ArticleView, offset: int) -> QTextCharFormat:
    cursor = view._cursor(offset, offset + 1)
    return cursor.charFormat()


def test_claim_spans_are_coloured_by_status_then_by_worth(view):
    assert view.background_at(2) == status_tint("to_check")
    after_emoji = TEXT.index("fait «")
    assert view.background_at(after_emoji) == status_tint("checked")
    assert view.background_at(TEXT.index("Fin")) is None
    view.set_color_mode("worth")
    assert view.background_at(2) == worth_color(0.9)


def test_elements_and_loaded_words_are_marked(view):
    number = _format_at(view, TEXT.index("300"))
    assert number.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    loaded = _format_at(view, TEXT.index("cité"))
    assert loaded.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert view.mark_at(TEXT.index("cité")).loaded


def test_offsets_after_an_emoji_map_to_the_right_text(view):
    start = TEXT.index("fait «")
    cursor = view._cursor(start, start + 4)
    assert cursor.selectedText() == "fait"
    view.setTextCursor(cursor)
    assert view.selected_span() == (start, start + 4)


def test_clicking_a_span_selects_its_claim(view, qtbot):
    cursor = view._cursor(TEXT.index("Deuxième") + 2, TEXT.index("Deuxième") + 2)
    point = view.cursorRect(cursor).center()
    with qtbot.waitSignal(view.claim_clicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [2]


def test_clicking_outside_claims_selects_nothing(view, qtbot):
    point = view.cursorRect(view._cursor(len(TEXT) - 2, len(TEXT) - 2)).center()
    with qtbot.assertNotEmitted(view.claim_clicked):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_new_claim_from_selection_trims_spaces(view, qtbot):
    start = TEXT.index("Fin")
    cursor = view._cursor(start - 1, len(TEXT))
    view.setTextCursor(cursor)
    assert view.new_claim_action.isEnabled()
    with qtbot.waitSignal(view.new_claim_requested) as blocker:
        view.new_claim_action.trigger()
    assert blocker.args == [start, len(TEXT)]


def test_no_selection_means_no_new_claim(view):
    view.setTextCursor(QTextCursor(view.document()))
    assert view.selected_span() is None
    assert not view.new_claim_action.isEnabled()


def test_selecting_a_claim_highlights_it_and_updates_keep_it(view):
    view.select_claim(2)
    selection = view.extraSelections()[-1]
    assert selection.cursor.selectedText().startswith("Deuxième")
    assert view.background_at(TEXT.index("Deuxième")) == status_tint("checked", 0.6)
    changed = Claim(
        ClaimId(2),
        _claims()[1].text,
        article_id=1,
        start=_claims()[1].start,
        end=57,
        status="in_progress",
    )
    view.update_claim(changed)
    assert view.background_at(TEXT.index("Deuxième")) == status_tint("in_progress", 0.6)
    view.select_claim(None)
    assert view.background_at(TEXT.index("Deuxième")) == status_tint("in_progress")
    view.set_claims([_claims()[0]])
    assert view.background_at(TEXT.index("Deuxième")) is None


def test_claim_at_prefers_the_innermost_span(view):
    inner = Claim(ClaimId(3), "300 tonnes", article_id=1, start=15, end=25)
    view.set_claims([*_claims(), inner])
    assert view.claim_at(16) == 3
    assert view.claim_at(3) == 1
    assert view.claim_at(len(TEXT) - 1) is None


def test_tooltips_say_what_to_check():
    assert "figure" in mark_tooltip(Mark("quantity", 0, 1))
    assert "Loaded" in mark_tooltip(Mark("loaded", 0, 1, loaded=True))
    assert "quote" in mark_tooltip(Mark("quote", 0, 1)).lower()


LONG_TEXT = "\n".join(
    f"Paragraphe {i} : le ministre a annoncé {i * 7} millions d'euros d'aide pour la région, "
    "selon le communiqué publié hier soir par ses services."
    for i in range(60)
)


def _long_claims() -> list[Claim]:
    claims, start = [], 0
    for number, line in enumerate(LONG_TEXT.split("\n"), start=1):
        claims.append(
            Claim(ClaimId(number), line, article_id=1, start=start, end=start + len(line))
        )
        start += len(line) + 1
    return claims


def _in_view(view: ArticleView, claim: Claim) -> bool:
    """The claim's first line is inside the visible part of the text."""
    rect = view.cursorRect(view._cursor(claim.start or 0, claim.start or 0))
    return rect.top() >= 0 and rect.bottom() <= view.viewport().height()


def test_a_claim_selected_before_layout_is_scrolled_to_once_shown(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    claims = _long_claims()
    view.set_article(LONG_TEXT, claims)
    view.select_claim(claims[-12].id)  # before the view has a size: no layout yet
    view.resize(420, 300)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: _in_view(view, claims[-12]), timeout=2000)


def test_the_selected_claim_stays_in_view_when_the_window_is_resized(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    claims = _long_claims()
    view.set_article(LONG_TEXT, claims)
    view.select_claim(claims[40].id)
    qtbot.waitUntil(lambda: _in_view(view, claims[40]), timeout=2000)
    view.resize(300, 260)  # narrower: the text above grows, the claim moves down
    qtbot.waitUntil(lambda: _in_view(view, claims[40]), timeout=2000)
    view.resize(1100, 400)
    qtbot.waitUntil(lambda: _in_view(view, claims[40]), timeout=2000)


def test_scrolling_away_from_the_claim_is_respected(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    claims = _long_claims()
    view.set_article(LONG_TEXT, claims)
    view.select_claim(claims[40].id)
    qtbot.waitUntil(lambda: _in_view(view, claims[40]), timeout=2000)
    bar = view.verticalScrollBar()
    bar.triggerAction(bar.SliderAction.SliderToMinimum)  # the checker scrolls to the top
    view.resize(500, 300)
    qtbot.wait(50)
    assert bar.value() == 0 and _in_view(view, claims[0])


def test_the_window_opened_on_a_late_claim_shows_it_in_the_article(window, qtbot):
    """`crible gui ARTICLE --claim N --screenshot`: the claim is in view once all is shown."""
    window.resize(1000, 600)
    window.open_on_claim = 50
    with qtbot.waitSignal(window.matches_ready, timeout=30_000):
        window.open_text(LONG_TEXT)
    claim = window.presenter.current_claim()
    assert claim is not None and claim.id == window.claims[49].id
    view = window.panes.article_view
    qtbot.waitUntil(lambda: _in_view(view, claim), timeout=2000)
    window.resize(760, 420)
    qtbot.waitUntil(lambda: _in_view(view, claim), timeout=2000)
