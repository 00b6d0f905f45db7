"""Renders a match's explanation as HTML: shared terms highlighted, numbers agreeing or not."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.matching.places import country_name
from app.matching.quantities import UNIT_LABELS
from app.net import is_web_url
from ui.i18n import current_language
from ui.models.labels import TIER_COLORS, tier_label
from ui.models.matches_model import decision_label

SHARED_BG = "#fff0a8"
AGREE_COLOR = "#2e7d32"
DIFFER_COLOR = "#c62828"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Explanation", text)


NBSP = "\u00a0"


def _unit_words() -> dict[str, tuple[str, str]]:
    """Unit terms the normaliser keeps as words → (singular, plural) in the UI language."""
    return {
        "million": (
            QCoreApplication.translate("Unit", "million"),
            QCoreApplication.translate("Unit", "million", "plural"),
        ),
        "milliard": (
            QCoreApplication.translate("Unit", "billion"),
            QCoreApplication.translate("Unit", "billion", "plural"),
        ),
        "mille": (
            QCoreApplication.translate("Unit", "thousand"),
            QCoreApplication.translate("Unit", "thousand", "plural"),
        ),
        "an": (
            QCoreApplication.translate("Unit", "year"),
            QCoreApplication.translate("Unit", "years"),
        ),
        "jour": (
            QCoreApplication.translate("Unit", "day"),
            QCoreApplication.translate("Unit", "days"),
        ),
        "mois": (
            QCoreApplication.translate("Unit", "month"),
            QCoreApplication.translate("Unit", "months"),
        ),
    }


def number_text(value: str, language: str | None = None) -> str:
    """A normalised number ("3.4", "600000") written the UI language's way (3,4; 600 000)."""
    french = (language or current_language()) == "fr"
    whole, dot, decimals = value.partition(".")
    if whole.isdigit() and len(whole) > 4:  # years and 4-digit numbers stay as written
        groups = [whole[max(i - 3, 0) : i] for i in range(len(whole), 0, -3)][::-1]
        whole = ("\u202f" if french else ",").join(groups)
    return whole + ((("," if french else ".") + decimals) if dot else "")


def quantity_text(quantity: Any, language: str | None = None) -> str:
    """A ``Quantity`` (value and unit term) as a checker reads it: "3,4 millions", "24 h"."""
    language = language or current_language()
    value, unit = str(quantity.value), quantity.unit
    number = number_text(value, language)
    if not unit:
        return number
    words = _unit_words().get(unit)
    if words is None:
        return f"{number}{NBSP}{UNIT_LABELS.get(unit, unit)}"
    try:
        amount = abs(float(value))
    except ValueError:
        amount = 2.0
    plural = amount >= 2 if language == "fr" else amount != 1
    return f"{number}{NBSP}{words[1] if plural else words[0]}"


def agreeing_figures(why: Any) -> list[str]:
    """The figures both claims give, written in the UI language."""
    quantities = getattr(why, "quantities_agreeing", ())
    if quantities:
        return [quantity_text(q) for q in quantities]
    return list(why.numbers_agreeing)  # an explanation from before the quantities were kept


def differing_figures(why: Any) -> list[tuple[str, str]]:
    """(query's, candidate's) figures that disagree, written in the UI language."""
    pairs = getattr(why, "quantities_differing", ())
    if pairs:
        return [(quantity_text(q), quantity_text(c)) for q, c in pairs]
    return list(why.numbers_differing)


def place_names(why: Any) -> list[str]:
    """The countries both claims name, in the UI language (Babel's names)."""
    codes = getattr(why, "shared_countries", ())
    if codes:
        language = current_language()
        return sorted(country_name(code, language) for code in codes)
    return list(why.shared_places)


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
    parts.append(_why_html(why, query))
    if query:
        parts.append(
            f"<p style='color:#57606a'><b>{html.escape(_tr('Your claim:'))}</b><br>"
            f"{highlight(query, why.query_spans)}</p>"
        )
    return "".join(parts)


def shared_words(why: Any, query: str) -> list[str]:
    """The shared words as the checker wrote them ("millions", "quitté"), not as normalised
    ("million", "quitter"); the normalised terms when the query is not at hand."""
    if query and why.query_spans:
        words = (query[start:end] for start, end in sorted(why.query_spans) if end <= len(query))
        return list(dict.fromkeys(word for word in words if word.strip()))
    return list(why.shared_terms) + [c for _, c in why.fuzzy_terms]


def _why_html(why: Any, query: str = "") -> str:
    """The evidence as a list, composed here (not the core's English ``summary``)."""
    rows = []
    differing = differing_figures(why)
    if differing:
        pairs = ", ".join(f"{q} ≠ {c}" for q, c in differing)
        rows.append(
            f"<li style='color:{DIFFER_COLOR}'><b>{html.escape(_tr('Different figures:'))}</b> "
            f"{html.escape(pairs)}</li>"
        )
    if why.places_differing:
        rows.append(
            f"<li style='color:{DIFFER_COLOR}'><b>"
            f"{html.escape(_tr('Names a different country'))}</b></li>"
        )
    for word, mine, theirs in getattr(why, "roles_differing", ()):
        language = current_language()
        ours = ", ".join(country_name(code, language) for code in mine)
        other = ", ".join(country_name(code, language) for code in theirs)
        rows.append(
            f"<li style='color:{DIFFER_COLOR}'><b>{html.escape(_tr('Different actors:'))}</b> "
            f"{html.escape(f'{word} ({ours} ≠ {other})')}</li>"
        )
    agreeing = agreeing_figures(why)
    if agreeing:
        rows.append(
            f"<li style='color:{AGREE_COLOR}'>{html.escape(_tr('Same figures:'))} "
            f"{html.escape(', '.join(agreeing))}</li>"
        )
    terms = shared_words(why, query)
    if terms:
        marked = ", ".join(
            f"<span style='background:{SHARED_BG}'>{html.escape(t)}</span>" for t in terms
        )
        rows.append(f"<li>{html.escape(_tr('Shared words:'))} {marked}</li>")
    if getattr(why, "same_speaker", False):
        rows.append(f"<li>{html.escape(_tr('Same speaker'))}</li>")
    names = getattr(why, "shared_names", ())
    if names:
        rows.append(f"<li>{html.escape(_tr('Same names:'))} {html.escape(', '.join(names))}</li>")
    places = place_names(why)
    if places:
        rows.append(f"<li>{html.escape(_tr('Same places:'))} {html.escape(', '.join(places))}</li>")
    return f"<ul style='margin-left:-20px'>{''.join(rows)}</ul>" if rows else ""
