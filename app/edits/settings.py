"""The archive's settings as one edit: what the Settings dialog's OK saves."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from sqlite_utils import Database

from app.changes import Changes
from app.domain import DomainRating
from app.edits.base import Edit
from app.storage import domains as domains_store
from app.storage import scales as scales_store
from app.storage import settings as settings_store

ORG_KEYS = ("org_name", "org_url")
_LEVEL_FIELDS = ("key", "label_fr", "label_en", "value", "color")


@dataclass(frozen=True, slots=True)
class SaveSettings(Edit):
    """The Settings dialog's OK, as one transaction: the organisation (name, URL), the
    levels of a rating scale, and domain ratings set or removed. Each part is optional.

    ``verdicts`` (level key → claim ids) is for the inverse: a level the edit dropped
    took its verdicts with it, and putting the level back points those claims at it again.
    """

    organisation: tuple[str, str] | None = None
    scale_id: int | None = None
    levels: tuple[Mapping[str, Any], ...] | None = None
    domain_ratings: tuple[DomainRating, ...] = ()
    removed_domains: tuple[str, ...] = ()
    verdicts: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    def run(self, db: Database) -> tuple[Edit, Changes]:
        organisation = self._save_organisation(db)
        levels, verdicts, touched = self._save_levels(db)
        restore_set, restore_removed = self._save_domains(db)
        inverse = SaveSettings(
            organisation=organisation,
            scale_id=self.scale_id if levels is not None else None,
            levels=levels,
            domain_ratings=restore_set,
            removed_domains=restore_removed,
            verdicts=verdicts,
        )
        return inverse, Changes(settings=True, claims=touched)

    def _save_organisation(self, db: Database) -> tuple[str, str] | None:
        if self.organisation is None:
            return None
        name, url = (settings_store.get_setting(db, key, "") or "" for key in ORG_KEYS)
        for key, value in zip(ORG_KEYS, self.organisation, strict=True):
            settings_store.set_setting(db, key, value)
        return name, url

    def _save_levels(
        self, db: Database
    ) -> tuple[tuple[Mapping[str, Any], ...] | None, Mapping[str, tuple[int, ...]], frozenset[int]]:
        if self.levels is None or self.scale_id is None:
            return None, MappingProxyType({}), frozenset()
        before = scales_store.get_scale(db, self.scale_id)
        previous = tuple(
            MappingProxyType({name: getattr(level, name) for name in _LEVEL_FIELDS})
            for level in before.levels
        )
        verdicts = scales_store.verdicts_by_level_key(db, self.scale_id)
        kept = {str(level.get("key", "")).strip() for level in self.levels}
        dropped = {key: claims for key, claims in verdicts.items() if key not in kept}
        scales_store.replace_scale_levels(db, self.scale_id, [dict(lv) for lv in self.levels])
        scales_store.restore_verdicts(db, self.scale_id, dict(self.verdicts))
        touched = frozenset(
            c for claims in (*dropped.values(), *self.verdicts.values()) for c in claims
        )
        return previous, MappingProxyType(dropped), touched

    def _save_domains(self, db: Database) -> tuple[tuple[DomainRating, ...], tuple[str, ...]]:
        existing = {r.domain: r for r in domains_store.list_domain_ratings(db)}
        restore_set: list[DomainRating] = []
        restore_removed: list[str] = []
        for rating in self.domain_ratings:
            saved = domains_store.set_domain_rating(db, rating.domain, rating.rating, rating.note)
            if saved.domain in existing:
                restore_set.append(existing[saved.domain])
            else:
                restore_removed.append(saved.domain)
        for domain in self.removed_domains:
            clean = domains_store.clean_domain(domain)
            domains_store.remove_domain_rating(db, clean)
            if clean in existing:
                restore_set.append(existing[clean])
        return tuple(restore_set), tuple(restore_removed)
