"""The printable HTML check report: one self-contained page, inline CSS, no script to run.

Every piece of user text goes through ``html.escape``; links are made only for http(s)
URLs; verdict colours are used only when they are plain ``#rrggbb`` values, so nothing
stored in the archive can inject markup, script or style into the page. The complete
ClaimReviews ride along as a JSON-LD data block (data, never executed).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from app.interop.report_words import words
from app.net import is_web_url

_HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")

_CSS = """
body { font: 11pt/1.45 "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; margin: 2em auto;
       max-width: 48em; padding: 0 1em; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
h2 { font-size: 1.2em; border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 1.6em; }
.meta { color: #555; margin: 0 0 1em; padding: 0; list-style: none; }
.claim { border: 1px solid #ddd; border-radius: 6px; padding: .8em 1em; margin: 1em 0;
         page-break-inside: avoid; break-inside: avoid; }
.claim h3 { font-size: 1.05em; margin: 0 0 .5em; }
.verdict { display: inline-block; padding: .1em .6em; border-radius: 1em; color: #fff;
           background: #757575; font-weight: bold; }
.status { color: #555; margin-left: .6em; }
dl { margin: .5em 0; } dt { font-weight: bold; margin-top: .4em; } dd { margin: 0 0 0 1.2em; }
blockquote { margin: .3em 0 .3em 1em; padding-left: .8em; border-left: 3px solid #ccc;
             color: #333; white-space: pre-wrap; }
.stance { font-variant: small-caps; color: #444; }
a { color: #0b57d0; word-break: break-all; }
.footer { color: #777; font-size: .85em; margin-top: 2em; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; color: #555; } }
"""


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _link(label: object, url: str | None) -> str:
    if url and is_web_url(url):
        return f'<a href="{_e(url.strip())}" rel="noopener noreferrer">{_e(label or url)}</a>'
    return _e(label or url or "")


def _verdict_badge(verdict: dict[str, Any] | None) -> str:
    if not verdict:
        return ""
    color = verdict.get("color") or ""
    style = f' style="background: {color}"' if _HEX_COLOR.fullmatch(color) else ""
    return f'<span class="verdict"{style}>{_e(verdict["label"])}</span>'


def _block(title: str, text: str) -> str:
    if not (text or "").strip():
        return ""
    return f"<dt>{_e(title)}</dt><dd><blockquote>{_e(text.strip())}</blockquote></dd>"


def _sources(claim: dict[str, Any], w: dict[str, str]) -> str:
    if not claim["sources"]:
        return ""
    items = []
    for source in claim["sources"]:
        parts = [
            f'<span class="stance">{_e(w[source["stance"]])}</span> ',
            _link(source["title"] or source["url"], source["url"]),
        ]
        if source["publisher"]:
            parts.append(f" — {_e(source['publisher'])}")
        if source["archive_url"]:
            parts.append(f" ({_link(w['archive'], source['archive_url'])})")
        if source["snapshot_at"]:
            parts.append(f" ({_e(w['snapshot'])} {_e(source['snapshot_at'])})")
        if source["excerpt"].strip():
            parts.append(f"<blockquote>{_e(source['excerpt'].strip())}</blockquote>")
        items.append(f"<li>{''.join(parts)}</li>")
    return f"<dt>{_e(w['sources'])}</dt><dd><ul>{''.join(items)}</ul></dd>"


def _earlier(claim: dict[str, Any], w: dict[str, str]) -> str:
    if not claim["earlier_checks"]:
        return ""
    items = []
    for check in claim["earlier_checks"]:
        reviews = "".join(
            f"<li>{_link(r['publisher'] or r['url'], r['url'])}{_e(w[':'])} "
            f"{_e(r['textual_rating'])}"
            + (f" ({_e(r['date_published'])})" if r["date_published"] else "")
            + "</li>"
            for r in check["reviews"]
        )
        badge = _verdict_badge(check["verdict"])
        inner = f"<ul>{reviews}</ul>" if reviews else ""
        items.append(f"<li>{_e(check['text'])} {badge}{inner}</li>")
    return f"<dt>{_e(w['earlier'])}</dt><dd><ul>{''.join(items)}</ul></dd>"


def _claim(number: int, claim: dict[str, Any], w: dict[str, str]) -> str:
    facts = []
    if claim["claimant"]:
        facts.append(f"<dt>{_e(w['claimant'])}</dt><dd>{_e(claim['claimant'])}</dd>")
    if claim["claim_date"]:
        facts.append(f"<dt>{_e(w['claim_date'])}</dt><dd>{_e(claim['claim_date'])}</dd>")
    if claim["review_url"]:
        label = claim["review_headline"] or claim["review_url"]
        facts.append(f"<dt>{_e(w['review'])}</dt><dd>{_link(label, claim['review_url'])}</dd>")
    for key in ("reviewer", "review_date"):
        if claim[key]:
            facts.append(f"<dt>{_e(w[key])}</dt><dd>{_e(claim[key])}</dd>")
    facts += [
        _block(w["explanation"], claim["verdict_text"]),
        _block(w["notes"], claim["notes"]),
        _sources(claim, w),
        _earlier(claim, w),
    ]
    return (
        f'<section class="claim" id="claim-{int(claim["id"])}">'
        f"<h3>{number}. {_e(claim['text'])}</h3>"
        f"<p>{_verdict_badge(claim['verdict'])}"
        f'<span class="status">{_e(w["status"])}{_e(w[":"])} {_e(claim["status_label"])}</span></p>'
        f"<dl>{''.join(facts)}</dl></section>"
    )


def _jsonld(reviews: list[dict[str, Any]]) -> str:
    """The ClaimReviews as a JSON-LD data block, for search engines and fact-check tools.

    A data block is never executed (and the page's policy allows no script); ``<``, ``>`` and
    ``&`` are written as JSON escapes so no stored text can close the element.
    """
    if not reviews:
        return ""
    payload = json.dumps(reviews if len(reviews) > 1 else reviews[0], ensure_ascii=False)
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        payload = payload.replace(char, escape)
    return f'<script type="application/ld+json">{payload}</script>'


def html_document(
    data: dict[str, Any], summary: str, reviews: list[dict[str, Any]] | None = None
) -> str:
    """The report page for ``reports.report_data`` output, its one-line ``summary`` and the
    complete ClaimReviews to embed."""
    w = words(data["report_lang"])
    article = data["article"]
    title = article["title"]
    colon = _e(w[":"])
    meta = []
    for key in ("url", "outlet", "author", "published"):
        if article[key]:
            value = _link(article[key], article[key]) if key == "url" else _e(article[key])
            meta.append(f"<li>{_e(w[key])}{colon} {value}</li>")
    meta.append(f"<li>{_e(w['summary'])}{colon} {_e(summary)}</li>")
    org = data["organization"]
    by = f" {_e(w['by'])} {_link(org['name'], org['url'] or None)}" if org["name"] else ""
    claims = "".join(_claim(n, claim, w) for n, claim in enumerate(data["claims"], 1))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(data["report_lang"])}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">"
        f"<title>{_e(w['report'])}{colon} {_e(title)}</title><style>{_CSS}</style>"
        f"{_jsonld(reviews or [])}</head><body>"
        f"<h1>{_e(w['report'])}{colon} {_e(title)}</h1>"
        f'<ul class="meta">{"".join(meta)}</ul>'
        f"<h2>{_e(w['claims'])} ({len(data['claims'])})</h2>{claims}"
        f'<p class="footer">{_e(w["generated"])}{colon} {_e(data["generated_at"])}{by}</p>'
        "</body></html>\n"
    )
