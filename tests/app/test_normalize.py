"""The normaliser: identical forms for restated text, numbers and units, spans into originals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.text.normalize import detect_lang, index_text, number_term, terms, tokens


def test_case_accents_elisions_and_stop_words_vanish() -> None:
    assert index_text("L'ÉCOLE d'été", "fr") == index_text("l ecole d ete", "fr")
    assert "le" not in terms("Le chat qu'il a vu", "fr")
    assert terms("l'aide", "fr") == ["aide"]


def test_inflections_meet_through_lemmas() -> None:
    assert terms("les aides envoyées", "fr") == terms("l'aide envoyé", "fr")
    assert terms("les vaccinés", "fr") == terms("le vacciné", "fr")
    assert terms("viruses shown", "en") == terms("virus shows", "en")


def test_french_words_typed_without_accents_meet_accented_ones() -> None:
    assert terms("les Etats Unis", "fr") == terms("les États-Unis", "fr")
    assert terms("envoyees", "fr") == terms("envoyées", "fr")


@pytest.mark.parametrize(
    ("raw", "term"),
    [
        ("1 000", "1000"),
        ("1\u202f000\u202f000", "1000000"),
        ("1.200", "1200"),
        ("1,200", "1200"),
        ("1.234.567", "1234567"),
        ("1,5", "1.5"),
        ("3.14", "3.14"),
        ("0.125", "0.125"),
        ("2019", "2019"),
    ],
)
def test_numbers_lose_thousands_separators(raw: str, term: str) -> None:
    assert number_term(raw) == term
    assert terms(f"il y a {raw} personnes", "fr")[0] == term


def test_units_have_one_form() -> None:
    assert terms("300 t", "fr") == terms("300 tonnes", "fr") == ["300", "tonne"]
    assert terms("24h", "fr") == terms("24 heures", "fr") == ["24", "heure"]
    assert terms("50 %", "fr") == terms("50 pour cent", "fr") == terms("50%", "fr")
    assert terms("50 per cent", "en") == terms("50 percent", "en") == ["50", "pct"]


def test_years_next_to_numbers_are_not_glued() -> None:
    assert terms("en 2019 300 personnes", "fr") == ["2019", "300", "personne"]


def test_acronyms_are_not_stop_words() -> None:
    assert "us" in terms("The US economy", "en")
    assert "us" not in terms("tell us more", "en")


def test_language_is_detected_when_not_given() -> None:
    assert detect_lang("Le gouvernement a annoncé une baisse des impôts pour les ménages") == "fr"
    assert detect_lang("The government announced a tax cut for the households") == "en"
    assert index_text("Les éoliennes tuent des oiseaux", None) == index_text(
        "Les éoliennes tuent des oiseaux", "fr"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Le gouvernement a annoncé une baisse des impôts",
        "The minister said that the tax was cut",
        "COVID 5G",  # no function word: both fall back to French
        "Macron a menti.",
        "Le président said the tax will be cut",  # a mix: the same winner either way
    ],
)
def test_one_language_guess_for_articles_and_the_normaliser(text):
    """The normaliser's guess is the article guess narrowed to fr/en: they cannot disagree
    on a text whose language the article guess decides."""
    from app.text.language import UNDETERMINED, detect_language

    article_guess = detect_language(text)
    assert detect_lang(text) == (article_guess if article_guess != UNDETERMINED else "fr")


def test_language_tags_are_accepted() -> None:
    assert terms("les aides", "fr-FR") == terms("les aides", "fr")
    assert terms("les aides", "de") == terms("les aides", None)


def test_token_spans_point_into_the_original_text() -> None:
    text = "Qu'ÉLISABETH a reçu 1 000 € en 24h"
    found = tokens(text, "fr")
    assert [t.term for t in found] == terms(text, "fr")
    for token in found:
        assert text[token.start : token.end].strip()
    assert text[found[0].start : found[0].end] == "ÉLISABETH"
    number = next(t for t in found if t.term == "1000")
    assert text[number.start : number.end] == "1 000"


def test_empty_and_punctuation_only_text() -> None:
    assert index_text("", "fr") == ""
    assert index_text("!!! ... ???", None) == ""


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_index_text_and_tokens_agree_on_any_text(text: str) -> None:
    assert index_text(text, None) == " ".join(t.term for t in tokens(text, None))
    for token in tokens(text, None):
        assert 0 <= token.start < token.end <= len(text)


@pytest.mark.parametrize(
    ("participle", "verb"),
    [
        ("Le pays a rompu ses relations", "rompre"),
        ("les élus", "élire"),
        ("la frontière est ouverte", "ouvrir"),
        ("trois morts", "mourir"),
        ("un rapport écrit", "écrire"),
        ("des vols annulés", "annuler"),  # regular -é, through the dictionary
        ("les travaux finis", "finir"),  # regular -i
    ],
)
def test_french_participles_meet_their_verb(participle: str, verb: str) -> None:
    [lemma] = terms(verb, "fr")
    assert lemma in terms(participle, "fr")


def test_news_nouns_are_not_taken_for_participles() -> None:
    assert terms("le marché", "fr") == ["marche"]
    assert terms("le parti", "fr") == ["parti"]
    assert terms("les députés", "fr") == ["depute"]
    assert "elire" not in terms("elu", "en")  # English words are untouched
