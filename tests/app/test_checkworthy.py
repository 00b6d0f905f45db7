"""Check-worthiness: element detectors (numbers, dates, names, quotes, loaded words) and scorer."""

from __future__ import annotations

import pytest

from app.text.checkworthy import (
    WEIGHTS,
    features,
    find_elements,
    find_loaded,
    lowered,
    names,
    quotes,
    score,
)


def kinds(text: str, lang: str = "fr") -> set[tuple[str, str]]:
    return {(e.kind, e.text) for e in find_elements(text, 0, len(text), lang)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le port a reçu 300 t de blé.", ("number", "300 t")),
        ("Ils ont 24 h pour partir.", ("number", "24 h")),
        ("Il y avait 1 000 000 de personnes.", ("number", "1 000 000")),
        ("La ville compte 1.200 habitants.", ("number", "1.200 habitants")),
        ("Le chômage a baissé de 3,8 % cette année.", ("number", "3,8 %")),
        ("Le budget atteint 40 000 euros.", ("number", "40 000 euros")),
        ("L'aide s'élève à 300 millions d'euros.", ("number", "300 millions d'euros")),
        ("La séance commence à 14 h 30 précises.", ("date", "14 h 30")),
        ("Il s'est proclamé président le 23 janvier 2019.", ("date", "le 23 janvier 2019")),
        ("C'était en janvier dernier.", ("date", "en janvier dernier")),
        ("Des milliers de manifestants ont défilé.", ("quantity", "Des milliers de manifestants")),
        ("La loi date de 2015.", ("date", "de 2015")),
    ],
)
def test_french_measures(text: str, expected: tuple[str, str]) -> None:
    assert expected in kinds(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unemployment fell to 4.2 percent.", ("number", "4.2 percent")),
        ("The plan costs $40,000 a year.", ("number", "$40,000")),
        ("The dam cost 40 million dollars.", ("number", "40 million dollars")),
        ("They met at 9 a.m. on Monday.", ("date", "9 a.m.")),
        ("They met on Monday.", ("date", "Monday")),
        ("It happened on January 23, 2019.", ("date", "on January 23, 2019")),
    ],
)
def test_english_measures(text: str, expected: tuple[str, str]) -> None:
    assert expected in kinds(text, "en")


def test_a_product_name_with_a_dash_is_no_number() -> None:
    assert not [k for k in kinds("Le COVID-19 circule.") if k[0] == "number"]


def test_names_people_places_and_titles() -> None:
    text = (
        "Samedi, le président élu Anton Vasko a reçu le maire de Vaudrac et M. Dolny. "
        "Senator Jane Holt arrived."
    )
    found = {(e.kind, e.text) for e in names(text, 0, len(text), "fr")}
    assert ("person", "Anton Vasko") in found
    assert ("name", "Vaudrac") in found  # after "maire de": a place
    assert ("person", "Dolny") in found
    assert not any(text_ == "Samedi" for _, text_ in found)  # a day opening a sentence
    english = {(e.kind, e.text) for e in names(text, 0, len(text), "en")}
    assert ("person", "Jane Holt") in english
    leader = "Senate Majority Leader Chuck Schumer visited the Department of Homeland Security."
    assert {(e.kind, e.text) for e in names(leader, 0, len(leader), "en")} == {
        ("name", "Senate"),
        ("person", "Chuck Schumer"),
        ("name", "Department of Homeland Security"),
    }
    place = "He met the President of France."
    assert {(e.kind, e.text) for e in names(place, 0, len(place), "en")} == {("name", "France")}
    former = "Former President Donald Trump spoke."
    assert {(e.kind, e.text) for e in names(former, 0, len(former), "en")} == {
        ("person", "Donald Trump")
    }
    premier = "Le Premier ministre Gabriel Attal a vu le Premier ministre belge."
    assert {(e.kind, e.text) for e in names(premier, 0, len(premier), "fr")} == {
        ("person", "Gabriel Attal")
    }


def test_a_common_noun_opening_a_sentence_is_no_name() -> None:
    text = "Officials met on Monday. Bogota replied. The officials left."
    found = {e.text for e in names(text, 0, len(text), "en")}
    assert "Officials" not in found
    assert "Bogota" in found


def test_institution_heading_a_name_is_split() -> None:
    text = "Il a rencontré le président du Parlement Marek Dolny hier."
    found = {e.text for e in names(text, 0, len(text), "fr")}
    assert {"Parlement", "Marek Dolny"} <= found


def test_quantities_need_a_whole_number_word() -> None:
    assert not [k for k in kinds("Au troisième trimestre, rien.") if k[0] == "quantity"]
    assert ("quantity", "trois ministres") in kinds("Ils ont limogé trois ministres.")


def test_elided_article_is_not_a_name() -> None:
    text = "« J'ai gagné », dit-il. L'Europe hésite."
    found = {e.text for e in names(text, 0, len(text), "fr")}
    assert "J" not in found and "Europe" in found


def test_quotes_keep_their_words_without_the_marks() -> None:
    text = 'Il a dit « nous gagnerons » puis “never again” et "brutes".'
    assert [e.text for e in quotes(text, 0, len(text))] == [
        "nous gagnerons",
        "never again",
        "brutes",
    ]


def test_loaded_words_take_the_noun_they_frame() -> None:
    text = "Le président légitime a dénoncé le gouvernement fasciste et ces brutes."
    assert [e.text for e in find_loaded(text, 0, len(text), "fr")] == [
        "président légitime",
        "gouvernement fasciste",
        "brutes",
    ]
    english = "The so-called regime sent thugs."
    assert [e.text for e in find_loaded(english, 0, len(english), "en")] == [
        "so-called",
        "regime",
        "thugs",
    ]


def test_elements_stay_inside_the_span() -> None:
    text = "Avant. Le port a reçu 300 t le 3 mai. Après 200 t."
    start, end = 7, text.index("mai.") + 4
    for element in find_elements(text, start, end, "fr"):
        assert start <= element.start < element.end <= end
        assert text[element.start : element.end] == element.text


def test_lowered_keeps_offsets_even_when_lowercasing_grows() -> None:
    text = "İstanbul a 15 millions d'habitants."
    assert len(lowered(text)) == len(text)
    assert ("number", "15 millions d'habitants") in kinds(text)


def _score(text: str, lang: str = "fr") -> float:
    elements = find_elements(text, 0, len(text), lang)
    loaded = find_loaded(text, 0, len(text), lang)
    return score(features(text, 0, len(text), lang, elements, loaded))


def test_facts_outscore_opinions_and_questions() -> None:
    fact = "Le chômage a baissé de 3,8 % en 2023 dans la région Bretagne."
    opinion = "Je pense que la région mérite mieux que cela, vraiment."
    question = "Faut-il vraiment croire ce que disent les responsables ?"
    assert _score(fact) > 0.5
    assert _score(fact) > _score(opinion)
    assert _score(fact) > _score(question)
    assert _score("I think we must do better for our families.", "en") < 0.3


def test_score_is_a_logistic_of_the_weights() -> None:
    zero = dict.fromkeys(WEIGHTS, 0.0)
    del zero["bias"]
    assert score(zero) == pytest.approx(1 / (1 + 2.718281828459045 ** -WEIGHTS["bias"]))
    with_number = {**zero, "number": 1.0}
    assert score(with_number) > score(zero)
    assert score(zero, {"bias": 0.0}) == pytest.approx(0.5)


def test_features_are_bounded() -> None:
    text = "« Qui a dit 300 t ? » Personne, selon M. Vasko, le 3 mai, à cause de la pluie."
    elements = find_elements(text, 0, len(text), "fr")
    values = features(text, 0, len(text), "fr", elements, [])
    assert all(0.0 <= v <= 1.0 for v in values.values())
    assert set(values) | {"bias"} == set(WEIGHTS)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Il y a eu vingt-quatre morts en vingt-quatre heures.",
            "fr",
            ["vingt-quatre morts", "vingt-quatre heures"],
        ),
        ("Il a attendu trente-et-un jours.", "fr", ["trente-et-un jours"]),
        ("Il a payé quatre-vingt-dix euros.", "fr", ["quatre-vingt-dix euros"]),
        (
            "Il y avait deux-cents personnes et dix-sept blessés.",
            "fr",
            ["deux-cents personnes", "dix-sept blessés"],
        ),
        (
            "Twenty-four people died in twenty-four hours.",
            "en",
            ["Twenty-four people", "twenty-four hours"],
        ),
    ],
)
def test_hyphenated_number_words_are_one_element(text: str, lang: str, expected: list[str]) -> None:
    found = [e for e in find_elements(text, 0, len(text), lang) if e.kind == "quantity"]
    assert [e.text for e in found] == expected
    assert all(text[e.start : e.end] == e.text for e in found)


def test_a_spelled_number_opening_a_sentence_is_no_name() -> None:
    text = "Vingt-quatre heures après, Quatre-Vingts personnes ont été évacuées."
    assert not [e for e in names(text, 0, len(text), "fr")]


def test_french_institutions_keep_their_adjective():
    from app.text.claims import analyse

    text = "D'après les Nations unies, quelque 3,4 millions de Vénézuéliens ont quitté leur pays."
    claim = analyse(text, "fr").claims[0]
    assert claim.speaker == "Nations unies"
    names = [e.text for e in claim.elements if e.kind in ("name", "person")]
    assert "Nations unies" in names
