"""The fixed words of check reports (headings, statuses, stances), in French and English."""

from __future__ import annotations

_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "report": "Rapport de vérification",
        "summary": "Bilan",
        "verdicts": "verdicts",
        "claims": "Affirmations",
        "claim": "Affirmation",
        "status": "Statut",
        "verdict": "Verdict",
        "explanation": "Explication",
        "notes": "Notes",
        "claimant": "Auteur de l'affirmation",
        "claim_date": "Date de l'affirmation",
        "sources": "Sources",
        "earlier": "Vérifications antérieures",
        "archive": "copie archivée",
        "snapshot": "copie texte locale du",
        "url": "Adresse",
        "outlet": "Média",
        "author": "Auteur",
        "published": "Publié le",
        "generated": "Rapport créé le",
        "by": "par",
        "none": "aucune",
        "to_check": "À vérifier",
        "in_progress": "En cours",
        "checked": "Vérifiée",
        "not_checkworthy": "Non retenue",
        "supports": "confirme",
        "refutes": "contredit",
        "context": "contexte",
        # French typography, as the window writes it: a no-break space before ":", a narrow
        # one before ";" (and "?" "!", which no label uses).
        ":": "\u00a0:",
        ";": "\u202f;",
    },
    "en": {
        "report": "Fact-check report",
        "summary": "Summary",
        "verdicts": "verdicts",
        "claims": "Claims",
        "claim": "Claim",
        "status": "Status",
        "verdict": "Verdict",
        "explanation": "Explanation",
        "notes": "Notes",
        "claimant": "Claimant",
        "claim_date": "Claim date",
        "sources": "Sources",
        "earlier": "Earlier fact-checks",
        "archive": "archived copy",
        "snapshot": "local text copy of",
        "url": "Address",
        "outlet": "Outlet",
        "author": "Author",
        "published": "Published",
        "generated": "Report created",
        "by": "by",
        "none": "none",
        "to_check": "To check",
        "in_progress": "In progress",
        "checked": "Checked",
        "not_checkworthy": "Not check-worthy",
        "supports": "supports",
        "refutes": "refutes",
        "context": "context",
        ":": ":",
        ";": ";",
    },
}


def words(lang: str) -> dict[str, str]:
    """The report's fixed words in ``lang`` (French for fr*, English otherwise)."""
    return _WORDS["fr" if lang.startswith("fr") else "en"]
