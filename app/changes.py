"""What an edit changed, so each view refreshes only what it shows (Anki's ``OpChanges`` idea)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields


def ids(*values: int | None) -> frozenset[int]:
    """The given ids without the missing ones (a claim of no article has ``article_id`` None)."""
    return frozenset(int(value) for value in values if value is not None)


@dataclass(frozen=True, slots=True)
class Changes:
    """Ids of what an edit touched; ``a | b`` is what both touched.

    Attributes:
        claims: claims whose own fields changed (status, verdict, notes, wording…).
        claim_lists: articles whose list of claims changed (added, removed, split, merged,
            or a span moved), so the list and the highlights are rebuilt.
        created_claims: claims the edit created (a view may select them).
        sources: claims whose source links changed.
        links: claims whose same / not-same links to earlier checks changed.
        articles: articles whose own fields changed.
        settings: archive settings changed (organisation, rating scale, domain ratings).
    """

    claims: frozenset[int] = frozenset()
    claim_lists: frozenset[int] = frozenset()
    created_claims: frozenset[int] = frozenset()
    sources: frozenset[int] = frozenset()
    links: frozenset[int] = frozenset()
    articles: frozenset[int] = frozenset()
    settings: bool = False

    def __or__(self, other: Changes) -> Changes:
        merged = {f.name: getattr(self, f.name) | getattr(other, f.name) for f in fields(self)}
        return Changes(**merged)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @staticmethod
    def union(all_changes: Iterable[Changes]) -> Changes:
        total = Changes()
        for changes in all_changes:
            total = total | changes
        return total
