"""PDF articles: the text layer as paragraphs, metadata, and clear refusals (scan, password)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from app.errors import UserError
from app.intake import from_file
from app.intake_pdf import paragraphs, read_pdf
from tests.fakes.pdf_files import scanned_pdf, text_pdf

PAGE = [
    "Venezuela : l'aide humanitaire bloquée",
    "Cúcuta (Colombie), 25 février 2019 — Deux jours après les affrontements qui",
    "ont embrasé les ponts frontaliers, la tension ne retombe pas entre Caracas et",
    "Bogota. Le porte-parole a dénoncé une provocation.",
    "Selon l'opposition, près de 600 tonnes d'aide attendent encore dans les entrepôts",
    "de Cúcuta, où les camions sont bloqués depuis samedi.",
]


def test_a_pdf_article_is_read_as_paragraphs_with_its_metadata(tmp_path) -> None:
    path = tmp_path / "article.pdf"
    second_page = ["Page deux : la suite de l'article, assez longue pour compter."]
    path.write_bytes(text_pdf([PAGE, second_page], title="L'aide bloquée", author="Léa Martin"))
    draft = from_file(path)

    assert draft.origin == "file" and draft.lang == "fr"
    assert (draft.title, draft.author) == ("L'aide bloquée", "Léa Martin")
    assert draft.published == "2019-02-25"  # from the dateline
    first, second, third, fourth = draft.text.split("\n\n")
    assert first == "Venezuela : l'aide humanitaire bloquée"
    assert second.startswith("Cúcuta (Colombie), 25 février 2019 — Deux jours après")
    assert "qui ont embrasé les ponts" in second and second.endswith("une provocation.")
    assert third.endswith("depuis samedi.")
    assert fourth.startswith("Page deux")


def test_line_breaks_at_hyphens_keep_the_hyphen() -> None:
    text = "Le porte-\nparole du gouvernement a parlé longuement devant les journalistes\nhier."
    assert paragraphs(text) == (
        "Le porte-parole du gouvernement a parlé longuement devant les journalistes hier."
    )


def test_a_scanned_pdf_is_refused_with_what_to_do(tmp_path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    with pytest.raises(UserError, match=r"scan\.pdf has no text layer \(a scanned PDF\?\): run"):
        from_file(path)


def test_a_password_protected_pdf_is_refused(tmp_path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf([PAGE]))))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(UserError, match="password"):
        read_pdf(out.getvalue(), "locked.pdf")


@pytest.mark.parametrize(
    "data", [b"%PDF-1.4\n garbage", b"%PDF-1.4\n" + bytes(range(256)) * 4, text_pdf([PAGE])[:300]]
)
def test_a_broken_pdf_is_one_clear_error(data) -> None:
    with pytest.raises(UserError, match=r"broken\.pdf (is not a readable PDF|has no text layer)"):
        read_pdf(data, "broken.pdf")


def test_a_pdf_under_another_suffix_is_still_read_as_pdf(tmp_path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text_pdf([PAGE]))
    assert from_file(path).text.startswith("Venezuela : l'aide")
