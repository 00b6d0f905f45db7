"""Settings as the window runs them: OK stores everything the dialog returned in one
transaction (all or nothing), and the window says so."""

from __future__ import annotations

import pytest

from app.domain import DomainRating
from app.errors import UserError
from app.storage import domains as domains_store
from app.storage import settings as settings_store
from ui.dialogs.settings_dialog import SettingsDialog


@pytest.fixture
def accepting(monkeypatch):
    """The dialog returns an organisation and two domain ratings, accepted unseen."""

    def exec_(dialog: SettingsDialog) -> int:
        dialog.general.org_name.setText("Les Faits d'abord")
        dialog.general.org_url.setText("https://faits.example.org")
        dialog.accept()
        return 1

    ratings = [DomainRating("a.example", "reliable"), DomainRating("b.example", "satire")]
    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    monkeypatch.setattr(SettingsDialog, "domain_changes", lambda _d: (ratings, []))


def test_ok_stores_what_the_dialog_returned(window, accepting):
    window.show_settings()
    db = window.session.db
    assert settings_store.get_setting(db, "org_name") == "Les Faits d'abord"
    assert settings_store.get_setting(db, "org_url") == "https://faits.example.org"
    stored = {r.domain: r.rating for r in domains_store.list_domain_ratings(db)}
    assert stored == {"a.example": "reliable", "b.example": "satire"}
    assert window.statusBar().currentMessage() == "Settings saved."


def test_a_refusal_midway_stores_nothing(window, accepting, monkeypatch):
    real = domains_store.set_domain_rating

    def second_refused(db, domain, rating, note=""):
        if domain == "b.example":
            raise UserError("refused")
        return real(db, domain, rating, note)

    monkeypatch.setattr(domains_store, "set_domain_rating", second_refused)
    with pytest.raises(UserError):
        window.show_settings()
    db = window.session.db
    assert settings_store.get_setting(db, "org_name") is None
    assert domains_store.list_domain_ratings(db) == []
