"""Translated labels and colours for claim statuses, tiers and stances, shared by the panes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain import CLAIM_STATUSES
from ui.i18n import current_language

STATUS_COLORS = {
    "to_check": "#f2b632",
    "in_progress": "#4a90d9",
    "checked": "#3d9a50",
    "not_checkworthy": "#a0a4a8",
}
TIER_COLORS = {"match": "#2e7d32", "related": "#9a6b00", "none": "#757575"}


def status_label(status: str) -> str:
    labels = {
        "to_check": QCoreApplication.translate("ClaimStatus", "To check"),
        "in_progress": QCoreApplication.translate("ClaimStatus", "In progress"),
        "checked": QCoreApplication.translate("ClaimStatus", "Checked"),
        "not_checkworthy": QCoreApplication.translate("ClaimStatus", "Not check-worthy"),
    }
    return labels.get(status, status)


_STANCE_LABELS = {
    "supports": QT_TRANSLATE_NOOP("Stance", "Supports"),
    "refutes": QT_TRANSLATE_NOOP("Stance", "Refutes"),
    "context": QT_TRANSLATE_NOOP("Stance", "Context"),
}


def stance_label(stance: str) -> str:
    """The translated name of a stance (supports / refutes / context)."""
    return QCoreApplication.translate("Stance", str(_STANCE_LABELS.get(stance, stance)))


def status_labels() -> list[tuple[str, str]]:
    """(status, label) in workflow order, for menus and filters."""
    return [(status, status_label(status)) for status in CLAIM_STATUSES]


def tier_label(tier: str) -> str:
    labels = {
        "match": QCoreApplication.translate("Tier", "Match"),
        "related": QCoreApplication.translate("Tier", "Related"),
        "none": QCoreApplication.translate("Tier", "Weak"),
    }
    return labels.get(tier, tier)


def _reason_prefixes() -> dict[str, str]:
    """The reasons ``app.text.claims`` writes, English prefix → label shown.

    The stored reasons stay English (the CLI's JSON contract); only their display is
    translated. Longest prefixes first: "number with unit" before "number", "about a named
    person" before "about". Each call is
    spelled out: lupdate only finds literal ``QCoreApplication.translate("Reason", …)``.
    """
    return {
        "no figure, date, named source or event to check": QCoreApplication.translate(
            "Reason", "no figure, date, named source or event to check"
        ),
        "framing: loaded words without a checkable fact": QCoreApplication.translate(
            "Reason", "framing: loaded words without a checkable fact"
        ),
        "an opinion rather than a fact": QCoreApplication.translate(
            "Reason", "an opinion rather than a fact"
        ),
        "about a named place or body": QCoreApplication.translate(
            "Reason", "about a named place or body"
        ),
        "a comparison or a change": QCoreApplication.translate(
            "Reason", "a comparison or a change"
        ),
        "a question, not a claim": QCoreApplication.translate("Reason", "a question, not a claim"),
        "a figure attributed to": QCoreApplication.translate("Reason", "a figure attributed to"),
        "an unquantified amount": QCoreApplication.translate("Reason", "an unquantified amount"),
        "about a named person": QCoreApplication.translate("Reason", "about a named person"),
        "a figure to verify": QCoreApplication.translate("Reason", "a figure to verify"),
        "a causal claim": QCoreApplication.translate("Reason", "a causal claim"),
        "a direct quote": QCoreApplication.translate("Reason", "a direct quote"),
        "a dated event": QCoreApplication.translate("Reason", "a dated event"),
        "a prediction": QCoreApplication.translate("Reason", "a prediction"),
        "loaded words (opinion, not fact)": QCoreApplication.translate(
            "Reason", "loaded words (opinion, not fact)"
        ),
        "anonymous sourcing": QCoreApplication.translate("Reason", "anonymous sourcing"),
        "number with unit": QCoreApplication.translate("Reason", "number with unit"),
        "attributed to": QCoreApplication.translate("Reason", "attributed to"),
        "opinion marker": QCoreApplication.translate("Reason", "opinion marker"),
        "direct quote": QCoreApplication.translate("Reason", "direct quote"),
        "a question": QCoreApplication.translate("Reason", "a question"),
        "comparison": QCoreApplication.translate("Reason", "comparison"),
        "prediction": QCoreApplication.translate("Reason", "prediction"),
        "quantity": QCoreApplication.translate("Reason", "quantity"),
        "causal": QCoreApplication.translate("Reason", "causal"),
        "number": QCoreApplication.translate("Reason", "number"),
        "people": QCoreApplication.translate("Reason", "people"),
        "named": QCoreApplication.translate("Reason", "named"),
        "about": QCoreApplication.translate("Reason", "about"),
        "date": QCoreApplication.translate("Reason", "date"),
    }


def reason_label(reason: str) -> str:
    """A check-worthiness reason ("people: Maduro", "attributed to X") in the UI language;
    one it does not know is shown as is."""
    for prefix, label in _reason_prefixes().items():
        if reason == prefix:
            return label
        for separator in (": ", " "):
            if reason.startswith(prefix + separator):
                rest = reason[len(prefix) + len(separator) :]
                if separator == ": " and current_language() == "fr":
                    separator = "\u00a0: "  # French typography: a space before the colon
                return label + separator + rest
    return reason
