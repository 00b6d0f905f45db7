"""Check reports: JSON data, Markdown, CSV and printable HTML, all with user text escaped."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest

from app.errors import UserError
from app.interop import reports
from app.storage.articles import add_article
from app.storage.claims import add_claim, update_claim
from app.storage.sources import add_source
from tests.app.report_builders import EARLIER_URL, build_checked_article


def test_report_data_holds_every_part_of_the_check(db):
    built = build_checked_article(db)
    data = reports.render_json(db, built.article_id)
    json.dumps(data)  # JSON-ready
    assert data["report_lang"] == "fr"
    assert data["organization"] == {
        "name": "Les Vérificateurs",
        "url": "https://verif.example.org",
    }
    first, second = data["claims"]
    assert first["id"] == built.first_id and first["status"] == "checked"
    assert first["status_label"] == "Vérifiée"
    assert first["verdict"]["label"] == "Faux" and first["verdict"]["key"] == "false"
    assert first["claimant"] == "Le ministre"
    refutes, supports = first["sources"]
    assert refutes["stance"] == "refutes" and refutes["archive_url"].startswith(
        "https://web.archive.org/web/"
    )
    assert refutes["excerpt"] == "Le taux de chômage recule de 0,1 point."
    assert refutes["snapshot_at"]
    assert supports["stance"] == "supports"
    assert second["verdict"] is None and second["status"] == "to_check"
    (earlier,) = second["earlier_checks"]
    assert earlier["claim_id"] == built.earlier_id
    assert earlier["reviews"][0]["url"] == EARLIER_URL
    assert earlier["reviews"][0]["textual_rating"] == "Faux"


def test_english_labels_on_request(db):
    built = build_checked_article(db)
    data = reports.render_json(db, built.article_id, lang="en")
    assert data["claims"][0]["verdict"]["label"] == "False"
    assert data["claims"][0]["status_label"] == "Checked"


def test_unknown_article_is_a_user_error(db):
    with pytest.raises(UserError):
        reports.render_markdown(db, 404)


def test_markdown_report(db):
    built = build_checked_article(db)
    text = reports.render_markdown(db, built.article_id, all_claims=True)
    assert text.startswith("# Rapport de vérification\u00a0: Le ministre & les chiffres \\<b\\>")
    assert "- Média\u00a0: Le Quotidien" in text
    assert "### 1. Selon le ministre, le chômage a baissé de 2 % en 2025." in text
    assert "- Verdict\u00a0: **Faux**" in text
    assert "Appelé le service" not in text  # working notes stay in the desk by default
    notes = reports.render_markdown(db, built.article_id, include_notes=True)
    assert "> Appelé le service de presse \\*deux fois\\*." in notes
    assert "- Vérification publiée\u00a0: [Non, le chômage n'a pas baissé de 2 %]" in text
    assert "- Vérifié par\u00a0: Ana Dupont" in text
    assert (
        "- contredit\u00a0: [Chômage au T3 2025](https://www.insee.fr/fr/statistiques/1234)" in text
    )
    assert "([copie archivée](https://web.archive.org/web/20260126101500/" in text
    assert "<script>" not in text and "\\<script\\>" in text
    assert f"  - [AFP Factuel]({EARLIER_URL})\u00a0: Faux" in text
    assert "**Vérifications antérieures**" in text


def test_markdown_never_links_non_web_urls():
    assert reports.md_link("x", "javascript:alert(1)") == "x"
    assert reports.md_link("a]b", "https://e.org/a b(c)") == "[a\\]b](https://e.org/a%20b%28c%29)"


def test_csv_report_one_row_per_claim_and_no_formulas(db):
    built = build_checked_article(db)
    everything = reports.render_csv(db, built.article_id, all_claims=True)
    rows = list(csv.DictReader(io.StringIO(everything)))
    assert tuple(rows[0]) == reports.CSV_COLUMNS
    assert [int(row["claim_id"]) for row in rows] == [built.first_id, built.second_id]
    first, second = rows
    assert first["verdict"] == "Faux" and first["status"] == "checked"
    assert first["verdict_text"].startswith("L'Insee mesure")
    assert (
        "refutes: https://www.insee.fr/fr/statistiques/1234 (https://web.archive.org/"
        in (first["sources"])
    )
    assert second["earlier_checks"] == EARLIER_URL
    assert first["review_url"] == "https://verif.example.org/2026/chomage"
    # By default only the claims worked on (the second is still "to check"), and no notes.
    (worked,) = csv.DictReader(io.StringIO(reports.render_csv(db, built.article_id)))
    assert int(worked["claim_id"]) == built.first_id and worked["notes"] == ""


def test_csv_cells_that_look_like_formulas_are_quoted(db):
    article = add_article(db, text='=HYPERLINK("http://evil") dit-il.', lang="fr")
    claim = add_claim(db, text='=HYPERLINK("http://evil")', article_id=article.id, start=0, end=25)
    update_claim(db, claim.id, notes="@SUM(1)", claimant="-2+3")
    csv_text = reports.render_csv(db, article.id, all_claims=True, include_notes=True)
    (row,) = csv.DictReader(io.StringIO(csv_text))
    assert row["claim"].startswith("'=") and row["notes"] == "'@SUM(1)"
    assert row["claimant"] == "'-2+3"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.attrs_seen: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs_seen += attrs
        self.hrefs += [value for name, value in attrs if name == "href"]


def test_html_report_is_self_contained_and_escaped(db):
    built = build_checked_article(db)
    page = reports.render_html(db, built.article_id, all_claims=True)
    parser = _Collector()
    parser.feed(page)
    # The one script element is the ClaimReview data block; the page's policy runs no script.
    assert parser.tags.count("script") == 1 and ("type", "application/ld+json") in parser.attrs_seen
    assert "default-src 'none'" in page
    assert not any(name.startswith("on") for name, _ in parser.attrs_seen)
    assert {"style", "h1", "section"} <= set(parser.tags)
    assert "link" not in parser.tags and "img" not in parser.tags
    assert all(href.startswith("https://") for href in parser.hrefs)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Le ministre &amp; les chiffres &lt;b&gt;du chômage&lt;/b&gt;" in page
    assert 'style="background: #c62828"' in page  # the "false" level's colour
    assert "@media print" in page
    assert EARLIER_URL in page and "copie archivée" in page


def test_html_refuses_unsafe_links_and_colours(db):
    article = add_article(db, text="Une phrase à vérifier ici.", lang="en")
    claim = add_claim(db, text="Une phrase", article_id=article.id, start=0, end=10)
    add_source(db, claim.id, url="https://ok.example.org/", title="ok")
    db.execute("UPDATE sources SET url = 'javascript:alert(1)'")
    db.execute("UPDATE rating_levels SET color = 'red;background:url(http://x)'")
    from app.storage.scales import default_scale

    update_claim(db, claim.id, verdict_level_id=default_scale(db).levels[0].id)
    page = reports.render_html(db, article.id)
    assert 'href="javascript' not in page
    assert "url(http://x)" not in page
    assert re.search(r"<html lang=\"en\">", page)


def test_render_gives_the_file_text_of_every_format(db):
    built = build_checked_article(db)
    texts = {fmt: reports.render(db, built.article_id, fmt) for fmt in reports.EXPORT_FORMATS}
    assert texts["markdown"] == reports.render_markdown(db, built.article_id)
    assert texts["csv"] == reports.render_csv(db, built.article_id)
    assert json.loads(texts["json"])["claims"][0]["id"] == built.first_id
    (review,) = json.loads(texts["claimreview"])
    assert review["author"]["name"] == "Les Vérificateurs"
    assert texts["html"].startswith("<!DOCTYPE html>")
    with pytest.raises(UserError, match="unknown export format 'pdf'"):
        reports.render(db, built.article_id, "pdf")


def test_summary_counts_statuses_and_verdicts(db):
    built = build_checked_article(db)
    data = reports.render_json(db, built.article_id)
    assert data["summary"] == {
        "claims": 2,
        "by_status": {"checked": 1, "to_check": 1},
        "by_verdict": {"Faux": 1},
    }
    french = "2 affirmations\u00a0: Vérifiée 1, À vérifier 1\u202f; verdicts\u00a0: Faux 1"
    assert reports.summary_line(data) == french
    assert f"- Bilan\u00a0: {french}" in (reports.render_markdown(db, built.article_id))
    assert "Summary: 2 claims: Checked 1, To check 1; verdicts: False 1" in reports.render_html(
        db, built.article_id, lang="en"
    )


def _untitled(db, text: str, **meta) -> int:
    return add_article(db, text=text, title="", lang="fr", **meta).id


def test_untitled_article_reports_get_a_title(db):
    headed = _untitled(db, "# Le budget des écoles\n\nLe budget a baissé de 12 % depuis 2020.")
    body = _untitled(db, "Le budget des écoles a baissé de 12 % depuis 2020, selon l'opposition.")
    markdown = reports.render_markdown(db, headed)
    assert markdown.startswith("# Rapport de vérification\u00a0: Le budget des écoles\n")
    page = reports.render_html(db, body)
    assert "<h1>Rapport de vérification\u00a0: Le budget des écoles a baissé de 12…</h1>" in page
    assert reports.render_json(db, body)["article"]["title"] == (
        "Le budget des écoles a baissé de 12…"
    )
    linked = _untitled(db, "Le budget a baissé.", url="https://example.org/a")
    assert reports.render_json(db, linked)["article"]["title"] == "https://example.org/a"


def test_english_reports_keep_plain_colons_and_count_one_claim(db):
    article = _untitled(db, "The school budget fell by 12% since 2020, the mayor said.")
    text = "The school budget fell by 12% since 2020"
    add_claim(db, text=text, article_id=article, start=0, end=len(text), position=0)
    markdown = reports.render_markdown(db, article, lang="en")
    assert markdown.startswith("# Fact-check report: The school budget")
    assert "- Summary: 1 claim: To check 1" in markdown
    assert "\u00a0" not in markdown and "\u202f" not in markdown
    assert "1 affirmation\u00a0: À vérifier 1" in reports.render_markdown(db, article)


GUAIDO = (
    "Le Venezuela accuse Juan Guaido, qui s'est autoproclamé chef d'Etat par intérim en "
    "janvier dernier, de préparer un coup d'Etat."
)


def test_relative_clause_claims_show_their_subject(db):
    article = _untitled(db, GUAIDO)
    start = GUAIDO.index("qui ")
    end = GUAIDO.index(", de préparer")
    add_claim(
        db,
        text=GUAIDO[start:end],
        article_id=article,
        start=start,
        end=end,
        position=0,
        reasons=("about Juan Guaido", "date: janvier dernier"),
    )
    shown = "[Juan Guaido] qui s'est autoproclamé chef d'Etat par intérim en janvier dernier"
    (claim,) = reports.render_json(db, article)["claims"]
    assert claim["text"] == shown
    assert claim["span_text"] == GUAIDO[claim["start"] : claim["end"]] == GUAIDO[start:end]
    markdown = reports.render_markdown(db, article, all_claims=True)
    assert "### 1. \\[Juan Guaido\\] qui s'est autoproclamé" in markdown
    page = reports.render_html(db, article, all_claims=True)
    assert f"<h3>1. {shown.replace(chr(39), '&#x27;')}</h3>" in page
    (row,) = csv.DictReader(io.StringIO(reports.render_csv(db, article, all_claims=True)))
    assert row["claim"] == shown


def test_unnamed_sourcing_stored_as_speaker_is_no_claimant(db):
    article = _untitled(db, "Selon plusieurs sources, le budget a baissé de 12 % depuis 2020.")
    text = "Selon plusieurs sources, le budget a baissé de 12 % depuis 2020."
    add_claim(
        db, text=text, article_id=article, start=0, end=len(text), speaker="plusieurs sources"
    )
    named = add_claim(db, text="Le budget a baissé.", speaker="Jean Dupont", lang="fr")
    assert [c["claimant"] for c in reports.render_json(db, article)["claims"]] == [None]
    (row,) = csv.DictReader(io.StringIO(reports.render_csv(db, article, all_claims=True)))
    assert row["claimant"] == ""
    assert reports._named(named.speaker, "fr") == "Jean Dupont"


def test_reports_for_readers_show_worked_claims_and_the_json_stays_complete(db):
    built = build_checked_article(db)
    update_claim(db, built.second_id, status="not_checkworthy")
    markdown = reports.render_markdown(db, built.article_id)
    assert "### 2." in markdown  # "not check-worthy" is beyond "to check": worked on
    update_claim(db, built.second_id, status="to_check")
    assert "### 2." not in reports.render_markdown(db, built.article_id)
    assert "### 2." in reports.render_markdown(db, built.article_id, all_claims=True)
    data = json.loads(reports.render(db, built.article_id, "json"))
    assert [c["id"] for c in data["claims"]] == [built.first_id, built.second_id]
    assert data["claims"][0]["notes"].startswith("Appelé le service")
    assert data["claims"][0]["reviewer"] == "Ana Dupont"


def _embedded(page: str) -> object:
    start = page.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    return json.loads(page[start : page.index("</script>", start)])


def test_html_embeds_the_complete_claimreviews_and_nothing_can_close_the_block(db):
    built = build_checked_article(db)
    update_claim(db, built.first_id, claim_reviewed="Le chômage </script><b>a baissé</b> & 2 %")
    page = reports.render_html(db, built.article_id)
    review = _embedded(page)
    assert review["@type"] == "ClaimReview"
    assert review["url"] == "https://verif.example.org/2026/chomage"
    assert review["claimReviewed"] == "Le chômage </script><b>a baissé</b> & 2 %"
    assert page.count("</script>") == 1
    # An incomplete review (no review URL) is left out of the page's data, not guessed.
    update_claim(db, built.first_id, review_url=None)
    assert "application/ld+json" not in reports.render_html(db, built.article_id)


def test_report_language_follows_the_system_on_the_command_line(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert reports.system_language() == "en"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert reports.system_language() == "fr"
    monkeypatch.setenv("LC_ALL", "C")
    assert reports.system_language() == "fr"
    monkeypatch.setenv("LC_MESSAGES", "en_GB.UTF-8")
    assert reports.system_language() == "en"
