"""An article's check as a report: JSON (the data), Markdown, CSV and printable HTML.

Every renderer starts from ``report_data``: the article, then each claim with its status,
verdict, notes, claimant, review, sources (stance, excerpt, archive copy) and the earlier checks
the checker confirmed as the same claim. The JSON report is that data, complete. The reports
for readers (Markdown, HTML, CSV) show by default only the claims worked on (status beyond
"to check") and never the working notes: ``all_claims`` and ``include_notes`` say otherwise.
Report headings follow ``lang`` (the window passes its own language; the command line the
system's), else the article's.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from app.domain import Claim, ClaimSource
from app.errors import UserError
from app.interop.claimreview_export import claim_reviewed
from app.interop.publish_checklist import complete_reviews, publishable_reviews
from app.interop.report_html import html_document
from app.interop.report_words import words
from app.net import is_web_url
from app.storage.articles import get_article
from app.storage.claims import claims_of_article, get_claim
from app.storage.links import links_of_claim
from app.storage.reviews import reviews_of_claim
from app.storage.scales import get_level
from app.storage.settings import get_setting
from app.storage.sources import sources_of_claim
from app.text.claims import claim_display_text, is_anonymous_source
from app.text.titles import first_words, headline

EXPORT_FORMATS = ("claimreview", "markdown", "html", "csv", "json")

CSV_COLUMNS = (
    "article_id",
    "claim_id",
    "position",
    "status",
    "verdict",
    "verdict_text",
    "claim",
    "claimant",
    "claim_date",
    "notes",
    "sources",
    "earlier_checks",
    "review_url",
    "review_headline",
    "reviewer",
    "review_date",
)


def report_data(db: Database, article_id: int, *, lang: str | None = None) -> dict[str, Any]:
    """Everything a report shows, as plain JSON-ready data (UserError for an unknown id)."""
    article = get_article(db, article_id)
    lang = "fr" if (lang or article.lang or "en").startswith("fr") else "en"
    claims = [_claim_data(db, claim, lang) for claim in claims_of_article(db, article_id)]
    return {
        "article": {
            "id": article.id,
            "title": _title(article.title, article.text, article.url),
            "url": article.url,
            "outlet": article.outlet,
            "author": article.author,
            "published": article.published,
            "lang": article.lang,
        },
        "report_lang": lang,
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "organization": {
            "name": get_setting(db, "org_name") or "",
            "url": get_setting(db, "org_url") or "",
        },
        "claims": claims,
        "summary": _summary(claims),
    }


def _title(title: str, text: str, url: str | None) -> str:
    """The stored title, else the text's headline, the URL, or the text's first words."""
    return title.strip() or headline(text) or (url or "") or first_words(text)


def _summary(claims: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts by status and by verdict label (in order of first appearance)."""
    by_status: dict[str, int] = {}
    by_verdict: dict[str, int] = {}
    for claim in claims:
        by_status[claim["status"]] = by_status.get(claim["status"], 0) + 1
        if claim["verdict"]:
            label = claim["verdict"]["label"]
            by_verdict[label] = by_verdict.get(label, 0) + 1
    return {"claims": len(claims), "by_status": by_status, "by_verdict": by_verdict}


def summary_line(data: dict[str, Any]) -> str:
    """'2 claims: Checked 1, To check 1; verdicts: False 1' in the report's language."""
    w = words(data["report_lang"])
    summary = data["summary"]
    statuses = ", ".join(f"{w[status]} {n}" for status, n in summary["by_status"].items())
    count = summary["claims"]
    noun = w["claim" if count == 1 else "claims"].lower()
    line = f"{count} {noun}" + (f"{w[':']} {statuses}" if statuses else "")
    if summary["by_verdict"]:
        verdicts = ", ".join(f"{label} {n}" for label, n in summary["by_verdict"].items())
        line += f"{w[';']} {w['verdicts']}{w[':']} {verdicts}"
    return line


def _claim_data(db: Database, claim: Claim, lang: str) -> dict[str, Any]:
    return {
        "id": claim.id,
        "position": claim.position,
        # The claim's self-contained statement ("Juan Guaido s'est autoproclamé…"); span_text
        # is the claim exactly as it stands in the article, at start:end.
        "text": claim_display_text(claim.text, claim.reasons, claim.statement),
        "span_text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "status": claim.status,
        "status_label": words(lang)[claim.status],
        "verdict": _verdict(db, claim, lang),
        "verdict_text": claim.verdict_text,
        "notes": claim.notes,
        "claimant": claim.claimant or _named(claim.speaker, claim.lang or lang),
        "claim_date": claim.claim_date,
        "claim_reviewed": claim_reviewed(claim),
        "review_url": claim.review_url,
        "review_headline": claim.review_headline,
        "reviewer": claim.reviewer,
        "review_date": claim.review_date,
        "sources": [_source_data(link) for link in sources_of_claim(db, claim.id)],
        "earlier_checks": _earlier_checks(db, claim.id, lang),
    }


def _named(speaker: str | None, lang: str) -> str | None:
    """A detected speaker, unless it is unnamed sourcing stored by an older analysis."""
    return None if speaker and is_anonymous_source(speaker, lang) else speaker


def _verdict(db: Database, claim: Claim, lang: str) -> dict[str, Any] | None:
    if claim.verdict_level_id is None:
        return None
    level = get_level(db, claim.verdict_level_id)
    return {
        "key": level.key,
        "label": level.label(lang),
        "value": level.value,
        "color": level.color,
    }


def _source_data(link: ClaimSource) -> dict[str, Any]:
    source = link.source
    return {
        "url": source.url,
        "title": source.title,
        "publisher": source.publisher,
        "domain": source.domain,
        "published_date": source.published_date,
        "stance": link.stance,
        "excerpt": link.excerpt,
        "note": link.note,
        "accessed_date": link.accessed_date,
        "archive_url": source.archive_url,
        "snapshot_at": source.snapshot_at,
    }


def _earlier_checks(db: Database, claim_id: int, lang: str) -> list[dict[str, Any]]:
    checks = []
    for link in links_of_claim(db, claim_id):
        if link.kind != "same":
            continue
        other = get_claim(db, link.other_claim_id)
        checks.append(
            {
                "claim_id": other.id,
                "text": claim_display_text(other.text, other.reasons, other.statement),
                "verdict": _verdict(db, other, lang),
                "reviews": [
                    {
                        "publisher": review.publisher,
                        "url": review.url,
                        "textual_rating": review.textual_rating,
                        "date_published": review.date_published,
                        "headline": review.headline,
                    }
                    for review in reviews_of_claim(db, other.id)
                ],
            }
        )
    return checks


def render_json(db: Database, article_id: int, *, lang: str | None = None) -> dict[str, Any]:
    return report_data(db, article_id, lang=lang)


def reader_data(
    db: Database,
    article_id: int,
    *,
    lang: str | None = None,
    include_notes: bool = False,
    all_claims: bool = False,
) -> dict[str, Any]:
    """``report_data`` for a reader: worked-on claims only, working notes left out by default.

    The summary still counts every claim of the article: it says how far the check went.
    """
    data = report_data(db, article_id, lang=lang)
    claims = [c for c in data["claims"] if all_claims or c["status"] != "to_check"]
    if not include_notes:
        claims = [{**claim, "notes": ""} for claim in claims]
    return {**data, "claims": claims}


def system_language() -> str:
    """The language of the user's locale ("fr" or "en"), as the window defaults to."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX"):
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


# --- CSV -------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A cell starting like a formula would run in a spreadsheet (CSV injection): quote it.
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_csv(db: Database, article_id: int, **options: Any) -> str:
    """One row per claim; sources and earlier checks joined with " | " in their cells."""
    data = reader_data(db, article_id, **options)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for claim in data["claims"]:
        verdict = claim["verdict"]["label"] if claim["verdict"] else ""
        sources = " | ".join(
            f"{s['stance']}: {s['url']}" + (f" ({s['archive_url']})" if s["archive_url"] else "")
            for s in claim["sources"]
        )
        earlier = " | ".join(
            review["url"] or check["text"]
            for check in claim["earlier_checks"]
            for review in (check["reviews"] or [{"url": None}])
        )
        row = [
            data["article"]["id"],
            claim["id"],
            claim["position"],
            claim["status"],
            verdict,
            claim["verdict_text"],
            claim["text"],
            claim["claimant"],
            claim["claim_date"],
            claim["notes"],
            sources,
            earlier,
            claim["review_url"],
            claim["review_headline"],
            claim["reviewer"],
            claim["review_date"],
        ]
        writer.writerow([_cell(value) for value in row])
    return out.getvalue()


# --- Markdown --------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!])")
_MD_SPACES = re.compile(r"[^\S\u00a0\u202f]+")  # no-break spaces are French typography: kept


def md_escape(text: str | None) -> str:
    """User text safe inside Markdown: no markup, no raw HTML, no link syntax."""
    return _MD_SPECIAL.sub(r"\\\1", _MD_SPACES.sub(" ", text or "").strip())


def md_link(label: str | None, url: str | None) -> str:
    """A link for http(s) URLs only; anything else is shown as escaped text."""
    if not url or not is_web_url(url):
        return md_escape(label or url)
    safe = re.sub(r"[\s()<>]", lambda m: f"%{ord(m.group()):02X}", url.strip())
    return f"[{md_escape(label or url)}]({safe})"


def _md_lines(text: str, prefix: str) -> list[str]:
    return [prefix + md_escape(line) for line in (text or "").splitlines() if line.strip()]


def render_markdown(db: Database, article_id: int, **options: Any) -> str:
    data = reader_data(db, article_id, **options)
    w = words(data["report_lang"])
    article = data["article"]
    lines = [f"# {w['report']}{w[':']} {md_escape(article['title'])}", ""]
    for key in ("url", "outlet", "author", "published"):
        if article[key]:
            value = md_link(article[key], article[key]) if key == "url" else md_escape(article[key])
            lines.append(f"- {w[key]}{w[':']} {value}")
    org = data["organization"]["name"]
    by = f" {w['by']} {md_escape(org)}" if org else ""
    lines += [
        f"- {w['generated']}{w[':']} {data['generated_at']}{by}",
        f"- {w['summary']}{w[':']} {md_escape(summary_line(data))}",
        "",
        f"## {w['claims']}",
        "",
    ]
    for number, claim in enumerate(data["claims"], 1):
        lines += _md_claim(number, claim, w)
    return "\n".join(lines).rstrip() + "\n"


def _md_claim(number: int, claim: dict[str, Any], w: dict[str, str]) -> list[str]:
    lines = [f"### {number}. {md_escape(claim['text'])}", ""]
    lines.append(f"- {w['status']}{w[':']} {claim['status_label']}")
    if claim["verdict"]:
        lines.append(f"- {w['verdict']}{w[':']} **{md_escape(claim['verdict']['label'])}**")
    for key, label in (("claimant", "claimant"), ("claim_date", "claim_date")):
        if claim[key]:
            lines.append(f"- {w[label]}{w[':']} {md_escape(claim[key])}")
    if claim["review_url"]:
        link = md_link(claim["review_headline"] or claim["review_url"], claim["review_url"])
        lines.append(f"- {w['review']}{w[':']} {link}")
    for key in ("reviewer", "review_date"):
        if claim[key]:
            lines.append(f"- {w[key]}{w[':']} {md_escape(claim[key])}")
    for key, label in (("verdict_text", "explanation"), ("notes", "notes")):
        if claim[key].strip():
            lines += ["", f"**{w[label]}**", "", *_md_lines(claim[key], "> ")]
    if claim["sources"]:
        lines += ["", f"**{w['sources']}**", ""]
        for source in claim["sources"]:
            entry = f"- {w[source['stance']]}{w[':']} {md_link(source['title'], source['url'])}"
            if source["archive_url"]:
                entry += f" ({md_link(w['archive'], source['archive_url'])})"
            if source["snapshot_at"]:
                entry += f" ({w['snapshot']} {md_escape(source['snapshot_at'])})"
            lines.append(entry)
            lines += _md_lines(source["excerpt"], "  > ")
    if claim["earlier_checks"]:
        lines += ["", f"**{w['earlier']}**", ""]
        for check in claim["earlier_checks"]:
            lines.append(f"- {md_escape(check['text'])}")
            for review in check["reviews"]:
                who = md_link(review["publisher"] or review["url"], review["url"])
                lines.append(f"  - {who}{w[':']} {md_escape(review['textual_rating'])}")
    return [*lines, ""]


def render_html(db: Database, article_id: int, **options: Any) -> str:
    """A self-contained printable page: inline CSS, no scripts, every user text escaped, the
    complete ClaimReviews embedded as JSON-LD."""
    data = reader_data(db, article_id, **options)
    return html_document(data, summary_line(data), complete_reviews(db, article_id))


def render(
    db: Database,
    article_id: int,
    fmt: str,
    *,
    lang: str | None = None,
    include_notes: bool = False,
    all_claims: bool = False,
) -> str:
    """An article's check in one of ``EXPORT_FORMATS``, as the text of the file to write.

    ``claimreview`` is the list of ClaimReviews of the claims with a verdict, signed with the
    ``org_name``/``org_url`` settings, refused (``IncompleteReviews``) while any lacks a
    required field; ``json`` is ``render_json`` serialised, complete whatever the options.
    """
    if fmt == "claimreview":
        reviews = publishable_reviews(db, article_id)
        return json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
    if fmt == "json":
        data = render_json(db, article_id, lang=lang)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    renderers = {"markdown": render_markdown, "html": render_html, "csv": render_csv}
    if fmt not in renderers:
        raise UserError(f"unknown export format {fmt!r}; one of: {', '.join(EXPORT_FORMATS)}")
    return renderers[fmt](
        db, article_id, lang=lang, include_notes=include_notes, all_claims=all_claims
    )
