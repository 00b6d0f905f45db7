"""Item models: each passes qtmodeltester, sorts and filters as the checker expects."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain import Claim, ClaimId
from app.matching.explain import Explanation
from app.matching.matcher import Match
from ui.models.claims_model import (
    COLUMNS,
    BestMatch,
    ClaimIdRole,
    ClaimRow,
    ClaimsFilterProxy,
    ClaimsModel,
)
from ui.models.explain import explanation_html, highlight
from ui.models.matches_model import MatchesModel, OtherClaimIdRole


def _rows() -> list[ClaimRow]:
    claims = [
        Claim(
            ClaimId(1),
            "Le chômage a baissé de 12 %.",
            status="checked",
            checkworthiness=0.8,
            reasons=("number", "comparison"),
        ),
        Claim(ClaimId(2), "Il fait beau.", status="not_checkworthy", checkworthiness=0.1),
        Claim(ClaimId(3), "300 tonnes d'aide ont été livrées.", checkworthiness=None),
    ]
    return [
        ClaimRow(claims[0], 1, "Faux", "#c62828", BestMatch(81.0, "match", "Le chômage…", "Faux")),
        ClaimRow(claims[1], 2),
        ClaimRow(claims[2], 3, matching=True),
    ]


def _match(claim_id: int, score: float, tier: str = "related") -> Match:
    why = Explanation(
        shared_terms=("300", "tonne"),
        numbers_differing=(("300 t", "200 t"),),
        query_spans=((0, 3),),
        text_spans=((0, 3), (4, 10)),
        summary="numbers differ",
    )
    return Match(
        claim_id=claim_id,
        text="200 tonnes <b>livrées</b>",
        title="",
        score=score,
        tier=tier,
        verdict="Faux",
        url="https://factcheck.example/a",
        publisher="AFP Factuel",
        date="2019-02-23",
        lang="fr",
        why=why,
    )


def test_claims_model_passes_qtmodeltester(qtmodeltester):
    model = ClaimsModel()
    model.set_rows(_rows())
    qtmodeltester.check(model, force_py=True)
    proxy = ClaimsFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)


def test_claims_model_shows_status_verdict_worth_and_best_match():
    model = ClaimsModel()
    model.set_rows(_rows())
    text = {c: model.index(0, COLUMNS.index(c)).data() for c in COLUMNS}
    assert text["status"] == "Checked"
    assert text["verdict"] == "Faux"
    assert text["worth"] == "80"
    assert text["best"] == "81 · Match"
    tip = model.index(0, COLUMNS.index("worth")).data(Qt.ItemDataRole.ToolTipRole)
    assert "number" in tip and "comparison" in tip
    assert model.index(2, COLUMNS.index("best")).data() == "…"  # still searching
    assert model.index(1, COLUMNS.index("best")).data() == "—"


def test_claims_proxy_filters_by_status_and_words_and_sorts_by_worth():
    model = ClaimsModel()
    model.set_rows(_rows())
    proxy = ClaimsFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_status_filter("checked")
    assert [proxy.index(r, 0).data(ClaimIdRole) for r in range(proxy.rowCount())] == [1]
    proxy.set_status_filter(None)
    proxy.set_text_filter("TONNES livrées")
    assert [proxy.index(r, 0).data(ClaimIdRole) for r in range(proxy.rowCount())] == [3]
    proxy.set_text_filter("")
    proxy.sort(COLUMNS.index("worth"), Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data(ClaimIdRole) for r in range(3)] == [1, 2, 3]


def test_update_row_repaints_one_row(qtbot):
    model = ClaimsModel()
    model.set_rows(_rows())
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.update_row(2, verdict_label="Vrai")
    assert blocker.args[0].row() == 1
    assert model.index(1, COLUMNS.index("verdict")).data() == "Vrai"


def test_matches_model_passes_qtmodeltester(qtmodeltester):
    model = MatchesModel()
    model.set_matches([_match(10, 88.4, "match"), _match(11, 52.0)], {11: "not_same"})
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 1).data() == "88"
    assert model.index(1, 6).data() == "Not the same"
    assert model.index(0, 0).data(OtherClaimIdRole) == 10
    model.set_decisions({10: "same"})
    assert model.index(0, 6).data() == "Same claim"
    model.set_matches([])
    qtmodeltester.check(model, force_py=True)


def test_explanation_escapes_text_and_marks_differing_numbers():
    page = explanation_html("300 tonnes livrées", _match(10, 60.0))
    assert "&lt;b&gt;" in page and "<b>livrées</b>" not in page
    assert "300 t ≠ 200 t" in page
    assert "AFP Factuel" in page and "https://factcheck.example/a" in page


def test_highlight_ignores_overlapping_and_out_of_range_spans():
    assert highlight("a<b", [(0, 1), (0, 2), (5, 9)]).count("<span") == 1
    assert "&lt;" in highlight("a<b", [])
