"""Split and merge of article claims (the workbench's structural edits) and their undo."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.errors import UserError
from app.storage.articles import add_article
from app.storage.claims import (
    add_article_claims,
    add_claim,
    claims_of_article,
    get_claim,
    save_article_with_claims,
)
from app.storage.sources import add_source, sources_of_claim
from app.storage.splits import (
    merge_claims,
    resplit_claim,
    split_claim,
    unmerge_claims,
    unsplit_claim,
)

TEXT = "Le chômage a baissé de 12 %, selon le ministre. Les prix ont monté de 5 %."


@dataclass(frozen=True)
class Draft:
    text: str
    start: int
    end: int
    checkworthiness: float = 0.5
    reasons: tuple[str, ...] = ()
    speaker: str | None = None


@pytest.fixture
def article(db):
    second = TEXT.index("Les prix")
    drafts = [Draft(TEXT[: second - 1], 0, second - 1), Draft(TEXT[second:], second, len(TEXT))]
    article, claims = save_article_with_claims(db, text=TEXT, claims=drafts, lang="fr")
    return article, claims


def test_split_keeps_sources_on_the_first_part_and_undo_redo(db, article):
    _, (first, _) = article
    add_source(db, first.id, url="https://insee.example/chomage")
    at = TEXT.index(", selon")
    one, two, undo = split_claim(db, first.id, at)
    assert one.text == "Le chômage a baissé de 12 %"
    assert two.text == ", selon le ministre."[0:0] + TEXT[at : first.end].strip()
    assert len(sources_of_claim(db, one.id)) == 1 and sources_of_claim(db, two.id) == []
    restored, snapshot = unsplit_claim(db, undo)
    assert restored.text == first.text and restored.end == first.end
    assert len(claims_of_article(db, 1)) == 2
    again = resplit_claim(db, undo, snapshot)
    assert again.end == one.end and get_claim(db, two.id).text == two.text


@pytest.mark.parametrize("at", [0, 1, 5_000])
def test_split_outside_the_claim_is_refused(db, article, at):
    _, (first, _) = article
    with pytest.raises(UserError):
        split_claim(db, first.id, at if at != 1 else first.end)


def test_archive_claims_cannot_be_split_or_merged(db):
    one = add_claim(db, text="Une affirmation ancienne", origin="import")
    two = add_claim(db, text="Une autre", origin="import")
    with pytest.raises(UserError):
        split_claim(db, one.id, 3)
    with pytest.raises(UserError):
        merge_claims(db, one.id, two.id)


def test_merge_takes_over_sources_and_unmerge_gives_them_back(db, article):
    _, (first, second) = article
    add_source(db, first.id, url="https://insee.example/chomage")
    add_source(db, second.id, url="https://insee.example/chomage")  # shared: stays with second
    add_source(db, second.id, url="https://insee.example/prix")
    merged, undo = merge_claims(db, first.id, second.id)
    assert merged.start == first.start and merged.end == second.end
    assert merged.text == TEXT
    assert sorted(s.source.url for s in sources_of_claim(db, first.id)) == [
        "https://insee.example/chomage",
        "https://insee.example/prix",
    ]
    assert len(claims_of_article(db, 1)) == 1
    back = unmerge_claims(db, undo)
    assert back.text == first.text
    assert sorted(s.source.url for s in sources_of_claim(db, second.id)) == [
        "https://insee.example/chomage",
        "https://insee.example/prix",
    ]
    assert [s.source.url for s in sources_of_claim(db, first.id)] == [
        "https://insee.example/chomage"
    ]


def test_add_article_claims_checks_spans(db):
    article = add_article(db, text=TEXT, lang="fr")
    [claim] = add_article_claims(db, article.id, [Draft(TEXT[:10], 0, 10)])
    assert claim.text == TEXT[:10] and claim.lang == "fr"
    with pytest.raises(ValueError):
        add_article_claims(db, article.id, [Draft("autre chose", 0, 11)])
    assert len(claims_of_article(db, article.id)) == 1  # the bad batch left nothing
