"""Renders a match's explanation as HTML: shared terms highlighted, numbers agreeing or not."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.net import is_web_url
from ui.models.labels import TIER_COLORS, tier_label
from ui.models.matches_model import decision_label

SHARED_BG = "#fff0a8"
AGREE_COLOR = "#2e7d32"
DIFFER_COLOR = "#c62828"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Explanation", text)


def highlight(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` escaped for HTML, with ``spans`` (offsets into it) highlighted."""
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last or end > len(text) or start >= end:
            continue
        out.append(html.escape(text[last:start]))
        out.append(f"<span style='background:{SHARED_BG}'>{html.escape(text[start:end])}</span>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def explanation_html(query: str, match: Any, decision: str | None = None) -> str:
    """The earlier check (text, verdict, publisher, date) and why it was found."""
    why = match.why
    tier_color = TIER_COLORS.get(match.tier, "#757575")
    head = (
        f"<b style='color:{tier_color}'>{html.escape(tier_label(match.tier))}</b>"
        f" · {html.escape(_tr('score'))} {round(match.score)}"
    )
    if decision:
        head += f" · <i>{html.escape(decision_label(decision))}</i>"
    parts = [f"<p>{head}</p>"]
    parts.append(
        f"<p><b>{html.escape(_tr('Earlier claim:'))}</b><br>"
        f"{highlight(str(match.text), why.text_spans)}</p>"
    )
    meta = [str(v) for v in (match.publisher, match.date) if v]
    verdict = (
        f"<b>{html.escape(match.verdict)}</b>" if match.verdict else html.escape(_tr("no verdict"))
    )
    parts.append(
        f"<p>{html.escape(_tr('Verdict:'))} {verdict}"
        + (f" — {html.escape(' · '.join(meta))}" if meta else "")
        + "</p>"
    )
    if match.url and is_web_url(str(match.url)):
        url = html.escape(str(match.url), quote=True)
        parts.append(f"<p><a href='{url}'>{html.escape(str(match.url))}</a></p>")
    elif match.url:
        # An imported review may carry javascript: or file: URLs: shown, never a link.
        parts.append(f"<p>{html.escape(str(match.url))}</p>")
    parts.append(_why_html(why))
    if query:
        parts.append(
            f"<p style='color:#57606a'><b>{html.escape(_tr('Your claim:'))}</b><br>"
            f"{highlight(query, why.query_spans)}</p>"
        )
    return "".join(parts)


def _why_html(why: Any) -> str:
    rows = []
    if why.numbers_differing:
        pairs = ", ".join(f"{q} ≠ {c}" for q, c in why.numbers_differing)
        rows.append(
            f"<li style='color:{DIFFER_COLOR}'><b>{html.escape(_tr('Different figures:'))}</b> "
            f"{html.escape(pairs)}</li>"
        )
    if why.places_differing:
        rows.append(
            f"<li style='color:{DIFFER_COLOR}'><b>"
            f"{html.escape(_tr('Names a different country'))}</b></li>"
        )
    if why.numbers_agreeing:
        rows.append(
            f"<li style='color:{AGREE_COLOR}'>{html.escape(_tr('Same figures:'))} "
            f"{html.escape(', '.join(why.numbers_agreeing))}</li>"
        )
    terms = list(why.shared_terms) + [c for _, c in why.fuzzy_terms]
    if terms:
        marked = ", ".join(
            f"<span style='background:{SHARED_BG}'>{html.escape(t)}</span>" for t in terms
        )
        rows.append(f"<li>{html.escape(_tr('Shared words:'))} {marked}</li>")
    if why.shared_places:
        places = html.escape(", ".join(why.shared_places))
        rows.append(f"<li>{html.escape(_tr('Same places:'))} {places}</li>")
    return f"<ul style='margin-left:-20px'>{''.join(rows)}</ul>" if rows else ""
