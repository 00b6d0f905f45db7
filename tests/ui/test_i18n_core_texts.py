"""Texts the Qt-free core builds reach a French window in French: match explanations (figures,
countries, speaker, names), and the core's error messages (``UserError`` templates)."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET

import pytest

import ui.i18n as i18n
from app.errors import UserError, translatable
from app.matching import Matcher
from app.matching.explain import Explanation
from app.matching.matcher import Match
from app.matching.quantities import Quantity
from app.seeds import load_demo
from app.storage import open_archive
from ui.i18n import current_language, install_translator, remove_translators, user_message
from ui.models.explain import number_text, quantity_text
from ui.panes.matches_pane import MatchesPane

# English words of the explanation a French window must not show.
ENGLISH = re.compile(
    r"\b(Same|Shared|Different|figures|words|places|speaker|names|country|Earlier|"
    r"Your claim|million|billion|years?|Colombia|Brazil)\b",
)


@pytest.fixture
def french(qapp):
    assert install_translator(qapp, "fr") == "fr"
    yield qapp
    remove_translators(qapp)


@pytest.fixture
def english(qapp):
    assert install_translator(qapp, "en") == "en"
    yield qapp
    remove_translators(qapp)


def _match(why: Explanation) -> Match:
    return Match(
        claim_id=7,
        text="Plus de 3,4 millions de Vénézuéliens ont fui vers la Colombie depuis 2015.",
        title="",
        score=85.0,
        tier="match",
        verdict="Vrai",
        url="https://faits.example.fr/v/1",
        publisher="Les Faits d'abord",
        date="2019-03-01",
        lang="fr",
        why=why,
    )


WHY = Explanation(
    shared_terms=("venezuelien", "pays"),
    numbers_agreeing=("3.4 million", "2015"),
    numbers_differing=(("300 t", "200 t"),),
    shared_places=("Colombia", "Venezuela"),
    shared_countries=("CO", "VE"),
    shared_names=("Maduro",),
    same_speaker=True,
    places_differing=True,
    quantities_agreeing=(Quantity("3.4", "million"), Quantity("2015", None)),
    quantities_differing=((Quantity("300", "tonne"), Quantity("200", "tonne")),),
    summary="Same numbers (3.4 million, 2015)",
)


def _shown(pane: MatchesPane) -> str:
    """The explanation as read, no-break spaces as plain ones (Qt's plain text mixes them)."""
    return re.sub(r"[\u00a0\u202f]", " ", pane.explanation.toPlainText())


def test_matches_pane_explains_in_french(french, qtbot):
    pane = MatchesPane()
    qtbot.addWidget(pane)
    pane.set_matches("Selon l'ONU, 3,4 millions de Vénézuéliens ont fui.", [_match(WHY)], {})
    text = _shown(pane)
    for french_words in (
        "Correspondance",
        "Affirmation antérieure",
        "Mêmes chiffres : 3,4 millions, 2015",
        "Chiffres différents : 300 t ≠ 200 t",
        "Cite un autre pays",
        "Même auteur",
        "Mêmes noms : Maduro",
        "Colombie, Venezuela",
    ):
        assert french_words in text, (french_words, text)
    assert not ENGLISH.findall(text), text
    assert "1 vérification antérieure" in pane.state.text()


def test_matches_pane_explains_in_english(english, qtbot):
    pane = MatchesPane()
    qtbot.addWidget(pane)
    pane.set_matches("3.4 million Venezuelans left.", [_match(WHY)], {})
    text = _shown(pane)
    assert "Same figures: 3.4 million, 2015" in text, text
    assert "Same speaker" in text
    assert "Same places: Colombia, Venezuela" in text


def test_a_real_match_from_the_demo_is_explained_in_french(french, qtbot, tmp_path):
    db = open_archive(tmp_path / "archive.db")
    load_demo(db)
    query = "D'après les Nations unies, 3,4 millions de Vénézuéliens ont quitté leur pays en 2015."
    found = Matcher(db).match(query)
    db.close()
    assert found, "the demo holds the UN migrants check"
    why = found[0].why
    assert why.quantities_agreeing and len(why.shared_countries) == len(why.shared_places)
    pane = MatchesPane()
    qtbot.addWidget(pane)
    pane.set_matches(query, found, {})
    text = _shown(pane)
    assert "3,4 millions" in text
    assert "Mêmes chiffres" in text and "Mots communs" in text
    assert not ENGLISH.findall(text), text


def test_countries_follow_the_ui_language(qapp, qtbot):
    why = Explanation(shared_places=("Colombia",), shared_countries=("CO",))
    pane = MatchesPane()
    qtbot.addWidget(pane)
    install_translator(qapp, "fr")
    try:
        assert current_language() == "fr"
        pane.set_matches("x", [_match(why)], {})
        assert "Colombie" in _shown(pane)
    finally:
        remove_translators(qapp)
    assert current_language() == "en"
    pane.set_matches("x", [_match(why)], {})
    assert "Colombia" in _shown(pane)


def test_numbers_and_units_in_each_language():
    assert number_text("3.4", "fr") == "3,4"
    assert number_text("3.4", "en") == "3.4"
    assert number_text("2015", "fr") == "2015"
    assert number_text("600000", "fr") == "600\u202f000"
    assert number_text("600000", "en") == "600,000"
    assert quantity_text(Quantity("1.5", "million"), "fr") == "1,5\u00a0million"  # < 2
    assert quantity_text(Quantity("12", "pct"), "fr") == "12\u00a0%"
    assert quantity_text(Quantity("1", "an"), "en") == "1\u00a0year"


def test_core_errors_are_shown_in_french(french):
    missing = UserError("no such file: {path}", path="/tmp/a.txt")
    assert str(missing) == "no such file: /tmp/a.txt"  # the CLI's message is unchanged
    assert user_message(missing) == "fichier introuvable\u00a0: /tmp/a.txt"
    pdf = UserError(
        "{name} is {kind}, not text (paste its text or save it as .txt)",
        name="a.pdf",
        kind=translatable("a PDF"),
    )
    assert user_message(pdf).startswith("a.pdf est un PDF, pas du texte")
    assert user_message(UserError("a claim cannot be empty")) == (
        "une affirmation ne peut pas être vide"
    )
    assert user_message("the article is empty") == "l'article est vide"
    unknown = UserError(f"{'made'} up: {42}")  # an f-string: shown as written
    assert user_message(unknown) == "made up: 42"
    assert user_message(ValueError("boom")) == "boom"


def test_core_errors_stay_english_in_english(english):
    assert user_message(UserError("no such file: {path}", path="x")) == "no such file: x"


def test_a_broken_translation_falls_back_to_english(french, monkeypatch):
    monkeypatch.setattr(i18n.QCoreApplication, "translate", lambda _c, _t: "oops {nothere}")
    error = UserError("no such file: {path}", path="x")
    assert user_message(error) == "no such file: x"


def _update_script():
    path = i18n.translations_dir() / "update.py"
    spec = importlib.util.spec_from_file_location("crible_update_translations", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_every_core_message_has_a_french_translation():
    """A new UserError("…") literal in app/ needs `resources/translations/update.py` and a
    French translation, like any new string of the window."""
    wanted = set(_update_script().core_messages())
    assert "no such file: {path}" in wanted and "a PDF" in wanted
    root = ET.parse(i18n.translations_dir() / "crible_fr.ts").getroot()
    translated = {
        message.findtext("source")
        for context in root.iter("context")
        if context.findtext("name") == i18n.ERROR_CONTEXT
        for message in context.iter("message")
        if message.find("translation").get("type") != "unfinished"
    }
    assert sorted(wanted - translated) == []


def test_check_worthiness_reasons_are_french_in_the_real_catalogue(french):
    from ui.models.labels import _reason_prefixes, reason_label

    assert reason_label("people: Nicolas Maduro") == "personnes\u00a0: Nicolas Maduro"
    assert reason_label("attributed to Mike Pompeo") == "attribué à Mike Pompeo"
    assert reason_label("anonymous sourcing: plusieurs sources").startswith("source anonyme")
    untranslated = [english for english, shown in _reason_prefixes().items() if english == shown]
    assert untranslated == ["date"]  # the same word in French


def test_reasons_stay_english_in_english(english):
    from ui.models.labels import reason_label

    assert reason_label("people: Nicolas Maduro") == "people: Nicolas Maduro"


def test_a_wayback_failure_reads_french_down_to_its_reason(french):
    from app.interop import wayback

    failure = wayback._failure({"status_ext": "error:not-found"}, ("", ""))
    assert str(failure) == (
        "The Wayback Machine could not archive the page: the page was not found (HTTP 404)."
    )
    assert user_message(failure) == (
        "La Wayback Machine n'a pas pu archiver la page\u00a0: la page est introuvable (HTTP 404)."
    )


def test_the_rating_scale_speaks_the_ui_language_on_any_article(french, window):
    """A French checker reads "Faux" on an English article too (exports keep its language)."""
    from app.domain import Article, Claim
    from app.storage.scales import default_scale

    level = default_scale(window.session.db).levels[-2]
    window.state.article = Article(id=9, title="Jobs", text="Unemployment fell by 12%.", lang="en")
    claim = Claim(id=1, text="Unemployment fell by 12%.", lang="en", verdict_level_id=level.id)
    assert window.presenter.row_for(1, claim).verdict_label == level.label_fr == "Faux"
    window.panes.verdict_editor.set_claim(claim, window.session.scale, i18n.current_language())
    labels = [window.panes.verdict_editor._rating.itemText(i) for i in range(1, 4)]
    assert all(label in {lv.label_fr for lv in window.session.scale.levels} for label in labels)


def test_the_archive_browser_details_are_french_too(french):
    from ui.models.archive_models import ArchiveHit, hit_details_html

    text = hit_details_html(ArchiveHit(_match(WHY)))
    assert "3,4\u00a0millions" in text and "Colombie, Venezuela" in text
    assert "Colombia" not in text and "million," not in text


def test_a_country_is_told_once_among_the_places_not_the_names(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    load_demo(db)
    query = "Il a assuré que 300 tonnes d'aide humanitaire envoyées par la Russie arriveraient."
    why = Matcher(db).match(query)[0].why
    db.close()
    assert "RU" in why.shared_countries
    assert "Russie" not in why.shared_names


def test_archive_browser_shows_shared_words_as_written(french, qtbot, tmp_path):
    from ui.dialogs.archive_browser import ArchiveBrowser

    db = open_archive(tmp_path / "archive.db")
    load_demo(db)
    db.close()
    browser = ArchiveBrowser(tmp_path / "archive.db")
    qtbot.addWidget(browser)
    browser.query.setText("300 tonnes d'aide humanitaire envoyées par la Russie")
    with qtbot.waitSignal(browser.search_finished, timeout=60_000):
        browser.search()
    details = browser.details.toPlainText()
    assert "envoyées" in details and "Russie" in details
    assert "envoyer" not in details and "Russia" not in details


def test_a_mirrored_claim_says_which_actors_differ_in_french(french, qtbot):
    from app.storage.claims import add_claim

    db = open_archive(":memory:")
    add_claim(db, text="Les diplomates colombiens avaient 24 heures pour quitter le Venezuela.")
    query = (
        "Bogota a fait de même en ordonnant aux diplomates vénézuéliens de quitter, sous "
        "24 heures, le territoire colombien."
    )
    found = Matcher(db).match(query, lang="fr", min_score=0)
    db.close()
    assert found[0].why.roles_differing == (("diplomates", ("VE",), ("CO",)),)
    assert found[0].to_json()["why"]["roles_differing"][0]["word"] == "diplomates"
    pane = MatchesPane()
    qtbot.addWidget(pane)
    pane.set_matches(query, found, {})
    assert "Acteurs différents : diplomates (Venezuela ≠ Colombie)" in _shown(pane)
