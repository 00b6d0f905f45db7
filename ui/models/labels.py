"""Translated labels and colours for claim statuses, tiers and stances, shared by the panes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain import CLAIM_STATUSES

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
