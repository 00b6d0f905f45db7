"""Dates and authors from a plain text's byline or dateline, never from its story."""

from __future__ import annotations

import pytest

from app.intake import from_file, from_text
from app.text.byline import Byline, find_date, read_byline

STORY = "Le président a parlé longuement devant la foule réunie sur la place centrale de Caracas."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Titre\nPar Léa Martin\nPublié le 3 mars 2024 à 10h12\n\n{STORY}",
         Byline("2024-03-03", "Léa Martin")),
        (f"By Jane Doe | March 3, 2024\n{STORY}", Byline("2024-03-03", "Jane Doe")),
        (f"{STORY}\n\nL. M., le 25/02/2019", Byline("2019-02-25", None)),
        (f"Mis à jour le 1er janvier 2020\n{STORY}", Byline("2020-01-01", None)),
        (f"2019-02-25\n{STORY}", Byline("2019-02-25", None)),
        (f"Titre\n\nCúcuta (Colombie), 25 février 2019 — {STORY}", Byline("2019-02-25", None)),
        (f"CARACAS, Feb. 24, 2019 - {STORY}", Byline("2019-02-24", None)),
        # A date the story talks about is not the article's date.
        (f"Le 23 janvier 2019, Juan Guaido s'est proclamé président. {STORY}", Byline()),
        (f"Titre\n{STORY} Le 23 janvier 2019, il a prêté serment.", Byline()),
        ("par exemple le gouvernement a dit", Byline()),
    ],
)  # fmt: skip
def test_read_byline(text, expected) -> None:
    assert read_byline(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("le 31 juin 2019", None), ("le 30/02/2019", None), ("25 févr. 2019", "2019-02-25"),
     ("Dec 25th, 2020", "2020-12-25"), ("le 2 août 2021", "2021-08-02")],
)  # fmt: skip
def test_find_date_only_real_dates(line, expected) -> None:
    assert find_date(line) == expected


def test_intake_takes_the_byline_unless_metadata_says_otherwise(tmp_path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(f"Titre\nPar Léa Martin, le 25 février 2019\n\n{STORY}", encoding="utf-8")
    draft = from_file(path)
    assert (draft.published, draft.author) == ("2019-02-25", "Léa Martin")
    given = from_text(draft.text, published="2019-03-01")
    assert (given.published, given.author) == ("2019-03-01", "Léa Martin")
    assert from_text(STORY).published is None
