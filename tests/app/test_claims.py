"""Claims: candidates with exact offsets, speakers, clauses, loaded words, reasons and JSON."""

from __future__ import annotations

import pytest

from app.text.claims import (
    Analysis,
    ClaimCandidate,
    Element,
    analyse,
    claim_display_text,
    describe_span,
    extract_claims,
)

# Our own article, built to carry the phenomena of a real dispatch.
ARTICLE_FR = (
    "Depuis une semaine, le Bélavie traverse une crise diplomatique avec ses voisins. "
    "Le gouvernement a présenté hier son plan pour écarter le président élu Anton Vasko et "
    "placer à la tête du pays le président du Sénat Marek Dolny, qui s'est autoproclamé "
    "chef de l'Etat par intérim en mars dernier, provoquant une vive tension. "
    '"Nous allons agir contre ceux qui bloquent la transition. Le moment est venu de '
    'soutenir le peuple", a tweeté la ministre des Affaires étrangères Clara Ostrova. '
    'Elle a qualifié de "voyous" les policiers déployés à la frontière. '
    "Des heurts ont opposé la police aux manifestants, faisant plusieurs blessés, "
    "selon plusieurs témoins. "
    "Le président légitime Anton Vasko a annoncé dimanche la rupture des relations "
    "diplomatiques avec la Pavonie. "
    "La Pavonie a ordonné aux diplomates bélaviens de quitter le pays sous 48 heures. "
    '"Je romps avec ce gouvernement fasciste", a-t-il déclaré devant ses partisans. '
    "M. Vasko a affirmé que 200 t de vivres offertes par la Norvège arriveront le 14 avril. "
    "Dimanche, des milliers de Bélaviens ont défilé dans les rues de la capitale Orsk. "
    "P. K./Agences"
)

ARTICLE_EN = (
    "The so-called interim leader said on Monday that unemployment fell to 4.2 percent, "
    "the lowest level since 2001. According to the central bank, inflation will rise next year. "
    "I think this is wonderful."
)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyse(ARTICLE_FR, lang="fr")


def _claim(analysis: Analysis, fragment: str) -> ClaimCandidate:
    found = [c for c in analysis.claims if fragment in c.text]
    assert found, f"no claim contains {fragment!r}"
    return min(found, key=lambda c: len(c.text))


def test_every_offset_points_at_its_text(analysis: Analysis) -> None:
    for claim in analysis.claims:
        assert ARTICLE_FR[claim.start : claim.end] == claim.text
        for element in [*claim.elements, *claim.loaded]:
            assert ARTICLE_FR[element.start : element.end] == element.text
    starts = [(c.start, -c.end) for c in analysis.claims]
    assert starts == sorted(starts)


def test_expected_claims_are_found(analysis: Analysis) -> None:
    for fragment in (
        "200 t de vivres",
        "rupture des relations",
        "sous 48 heures",
        "s'est autoproclamé",
        "a tweeté",
        "voyous",
        "plusieurs blessés",
        "des milliers de Bélaviens",
    ):
        assert 0.0 <= _claim(analysis, fragment).checkworthiness <= 1.0


def test_the_byline_is_not_a_claim(analysis: Analysis) -> None:
    assert not [c for c in analysis.claims if "P. K./Agences" in c.text]


def test_relative_clause_is_its_own_claim(analysis: Analysis) -> None:
    clause = _claim(analysis, "s'est autoproclamé")
    assert clause.text == "qui s'est autoproclamé chef de l'Etat par intérim en mars dernier"
    assert "about Marek Dolny" in clause.reasons
    assert any(e.kind == "date" and e.text == "en mars dernier" for e in clause.elements)


def test_speakers(analysis: Analysis) -> None:
    assert _claim(analysis, "a tweeté").speaker == "Clara Ostrova"
    assert _claim(analysis, "voyous").speaker == "Clara Ostrova"  # "Elle" resolved
    assert _claim(analysis, "plusieurs blessés").speaker is None  # unnamed: no speaker
    assert "anonymous sourcing: plusieurs témoins" in _claim(analysis, "plusieurs blessés").reasons
    assert _claim(analysis, "rupture des relations").speaker == "Anton Vasko"
    assert _claim(analysis, "gouvernement fasciste").speaker == "Anton Vasko"  # "a-t-il"
    assert _claim(analysis, "200 t").speaker == "Anton Vasko"  # "M. Vasko", named in full before
    assert _claim(analysis, "des milliers").speaker is None


def test_loaded_words_are_flagged_apart(analysis: Analysis) -> None:
    loaded = {e.text for c in analysis.claims for e in c.loaded}
    assert {"président légitime", "gouvernement fasciste", "voyous"} <= loaded
    claim = _claim(analysis, "voyous")
    assert any(r.startswith("loaded words") and "voyous" in r for r in claim.reasons)
    assert all(e.kind == "loaded" for e in claim.loaded)


def test_elements_and_reasons(analysis: Analysis) -> None:
    aid = _claim(analysis, "200 t")
    kinds = {(e.kind, e.text) for e in aid.elements}
    assert ("number", "200 t") in kinds
    assert ("date", "le 14 avril") in kinds
    assert ("name", "Norvège") in kinds
    assert ("attribution", "a affirmé") in kinds
    assert "a figure attributed to Anton Vasko: 200 t" in aid.reasons
    assert "attributed to Anton Vasko" in aid.reasons
    order = _claim(analysis, "48 heures")
    assert any(r.endswith(": 48 heures") and r.startswith("a figure") for r in order.reasons)
    march = _claim(analysis, "des milliers")
    assert any(e.kind == "quantity" and "milliers" in e.text for e in march.elements)
    assert any(e.kind == "date" and e.text == "Dimanche" for e in march.elements)
    tweet = _claim(analysis, "a tweeté")
    assert "a direct quote" in tweet.reasons
    assert any(e.kind == "person" and e.text == "Clara Ostrova" for e in tweet.elements)


def test_factual_sentence_outranks_opinion() -> None:
    claims = extract_claims(ARTICLE_EN, "en")
    top = max(claims, key=lambda c: c.checkworthiness)
    assert "4.2 percent" in top.text
    assert all("I think" not in c.text for c in claims)
    assert {e.text for e in top.loaded} == {"so-called"}
    assert any(e.kind == "comparison" for e in top.elements)
    bank = next(c for c in claims if "According to" in c.text)
    assert bank.speaker == "the central bank"
    assert any(e.kind == "prediction" for e in bank.elements)


def test_english_said_attribution() -> None:
    text = "Senator Jane Holt said the plant cut 300 jobs in 2022."
    (claim,) = extract_claims(text, "en")
    assert claim.speaker == "Jane Holt"
    assert "a figure attributed to Jane Holt: 300 jobs" in claim.reasons


def test_describe_span_scores_a_selection_and_trims_it() -> None:
    start = ARTICLE_FR.index("La Pavonie a ordonné")
    end = ARTICLE_FR.index("48 heures.") + len("48 heures.")
    claim = describe_span(ARTICLE_FR, start - 1, end + 1, "fr")
    assert claim.start == start and claim.end == end
    assert claim.text == ARTICLE_FR[start:end]
    assert claim.checkworthiness > 0.3
    pronoun = ARTICLE_FR.index("Elle a qualifié")
    assert describe_span(ARTICLE_FR, pronoun, pronoun + 60, "fr").speaker == "Clara Ostrova"
    with pytest.raises(ValueError):
        describe_span(ARTICLE_FR, 10, len(ARTICLE_FR) + 5, "fr")


def test_unsupported_language_still_splits_but_proposes_no_claims() -> None:
    text = "Der Stadtrat hat die Bibliothek gefördert. Die Arbeiten dauern sechs Monate."
    result = analyse(text)
    assert result.lang == "de"
    assert not result.lang_supported
    assert len(result.sentences) == 2
    assert result.claims == []


def test_json_shape_is_the_cli_contract(analysis: Analysis) -> None:
    data = analysis.to_json()
    assert list(data) == ["lang", "title", "text", "sentences", "claims", "not_checkworthy"]
    assert data["sentences"][0] == {"start": 0, "end": ARTICLE_FR.index(". ") + 1}
    claim = data["claims"][0]
    assert list(claim) == [
        "text",
        "statement",
        "start",
        "end",
        "checkworthiness",
        "reasons",
        "reason_spans",
        "speaker",
        "elements",
        "loaded",
    ]
    assert set(claim["elements"][0]) == {"kind", "text", "start", "end"}


def test_empty_text_has_nothing() -> None:
    assert analyse("", lang="fr").claims == []
    assert extract_claims("   ", "en") == []


def test_element_is_plain_data() -> None:
    element = Element("number", "300 t", 4, 9)
    assert (element.kind, element.text, element.start, element.end) == ("number", "300 t", 4, 9)


def test_english_relative_clauses_are_claims_of_their_own() -> None:
    text = (
        "Officials said the dam, which was built in 1962 for 40 million dollars, failed on "
        "Monday. Mayor Ann Lee, who resigned in 2020 after a scandal, denied it."
    )
    claims = {c.text: c for c in extract_claims(text, "en")}
    assert "which was built in 1962 for 40 million dollars" in claims
    who = claims["who resigned in 2020 after a scandal"]
    assert "about Ann Lee" in who.reasons
    assert claims["Mayor Ann Lee, who resigned in 2020 after a scandal, denied it."].speaker == (
        "Ann Lee"
    )


def test_a_verb_inside_the_quote_is_not_the_attribution() -> None:
    text = "Le maire Paul Roy est parti. « Il a dit non à tout », affirme la conseillère Ana Lima."
    claim = next(c for c in extract_claims(text, "fr") if "affirme" in c.text)
    assert claim.speaker == "Ana Lima"


def test_dateline_and_apposed_speaker() -> None:
    text = (
        "LYON – Plus de 300 pompiers sont mobilisés. « Le feu progresse », a déclaré "
        "le porte-parole des pompiers, Marc Delorme."
    )
    claims = extract_claims(text, "fr")
    assert not any(e.text == "Plus" for c in claims for e in c.elements)
    assert next(c for c in claims if "progresse" in c.text).speaker == "Marc Delorme"


@pytest.mark.parametrize(
    ("sentence", "lang", "unnamed"),
    [
        (
            "Selon plusieurs sources, le ministre a touché 300 000 euros en 2019.",
            "fr",
            "plusieurs sources",
        ),
        ("Le ministre a touché 300 000 euros en 2019, selon des sources.", "fr", "des sources"),
        (
            "Selon une source proche du dossier, le déficit atteint 3 % en 2019.",
            "fr",
            "une source proche du dossier",
        ),
        (
            "Selon nos informations, le ministre a touché 300 000 euros en 2019.",
            "fr",
            "nos informations",
        ),
        (
            "Selon plusieurs témoins, 200 personnes ont été arrêtées samedi.",
            "fr",
            "plusieurs témoins",
        ),
        ("Des sources ont affirmé que 200 personnes ont été arrêtées samedi.", "fr", "Des sources"),
        ("According to sources, 300 people were arrested in 2019.", "en", "sources"),
        (
            "According to people familiar with the matter, the deal cost $3 billion.",
            "en",
            "people familiar with the matter",
        ),
    ],
)
def test_unnamed_sourcing_is_no_speaker(sentence: str, lang: str, unnamed: str) -> None:
    (claim,) = extract_claims(sentence, lang)
    assert claim.speaker is None
    assert f"anonymous sourcing: {unnamed}" in claim.reasons
    assert not any(r.startswith("attributed to") for r in claim.reasons)
    assert not any(unnamed in r for r in claim.reasons if r.startswith("quantity"))
    for element in claim.elements:
        assert sentence[element.start : element.end] == element.text


def test_named_sources_stay_speakers() -> None:
    (claim,) = extract_claims("Selon Jean Dupont, le chômage a baissé de 3 % en 2019.", "fr")
    assert claim.speaker == "Jean Dupont"
    (claim,) = extract_claims("According to Pentagon officials, 300 troops left in 2019.", "en")
    assert claim.speaker is not None and "Pentagon" in claim.speaker
    assert not any(r.startswith("anonymous sourcing") for r in claim.reasons)


def test_claim_display_text_gives_a_relative_clause_its_subject() -> None:
    clause = "qui s'est autoproclamé chef d'Etat par intérim en janvier dernier"
    assert claim_display_text(clause, ("about Juan Guaido", "date: janvier dernier")) == (
        f"[Juan Guaido] {clause}"
    )
    assert claim_display_text("who resigned in 2020", ["about Ann Lee"]) == (
        "[Ann Lee] who resigned in 2020"
    )
    assert claim_display_text(clause, ("date: janvier dernier",)) == clause
    assert claim_display_text("Le maire a menti.", ("about Juan Guaido",)) == "Le maire a menti."
    (candidate,) = [
        c for c in extract_claims(ARTICLE_FR, "fr") if c.text.startswith("qui s'est autoproclamé")
    ]
    assert claim_display_text(candidate.text, candidate.reasons).startswith("[Marek Dolny] qui")


@pytest.mark.parametrize(
    ("sentence", "lang", "unnamed"),
    [
        (
            "Selon un proche de Jean Dupont, le maire a touché 300 000 euros en 2019.",
            "fr",
            "un proche de Jean Dupont",
        ),
        (
            "Selon des sources au sein de la Commission européenne, 300 millions d'euros "
            "ont été versés en 2019.",
            "fr",
            "des sources au sein de la Commission européenne",
        ),
        (
            "According to people close to President Joe Biden, 300 troops left in 2019.",
            "en",
            "people close to President Joe Biden",
        ),
    ],
)
def test_a_name_inside_unnamed_sourcing_is_not_the_speaker(
    sentence: str, lang: str, unnamed: str
) -> None:
    (claim,) = extract_claims(sentence, lang)
    assert claim.speaker is None
    assert f"anonymous sourcing: {unnamed}" in claim.reasons


def test_a_newspaper_reporting_stays_the_speaker() -> None:
    sentence = "Selon des informations du Monde, 300 policiers ont été blessés en 2019."
    (claim,) = extract_claims(sentence, "fr")
    assert claim.speaker == "Monde"


def test_unnamed_subject_of_a_reporting_verb_is_not_the_speaker() -> None:
    sentence = "Un proche de Jean Dupont a affirmé que le maire a touché 300 000 euros en 2019."
    (claim,) = extract_claims(sentence, "fr")
    assert claim.speaker is None
    assert "anonymous sourcing: Un proche de Jean Dupont" in claim.reasons
    sentence = "Two people familiar with the deal said it cost $3 billion in 2019."
    (claim,) = extract_claims(sentence, "en")
    assert claim.speaker is None
    assert "anonymous sourcing: Two people familiar with the deal" in claim.reasons


def test_a_counted_subject_before_a_comma_is_not_unnamed_sourcing() -> None:
    (claim,) = extract_claims("Four people died in 2020, the mayor said.", "en")
    assert "a figure to verify: Four people" in claim.reasons
    assert claim.speaker == "the mayor"
    assert claim.statement == "Four people died in 2020"
    assert not any(r.startswith("anonymous sourcing") for r in claim.reasons)
    (claim,) = extract_claims("Twenty-four people died in 2020, witnesses said.", "en")
    assert "a figure to verify: Twenty-four people" in claim.reasons
    assert "anonymous sourcing: witnesses" in claim.reasons
    assert not any(r.startswith("about a named") for r in claim.reasons)  # a number is no name


@pytest.mark.parametrize(
    ("sentence", "lang", "speaker"),
    [
        ("Le Venezuela est uni contre l'ingérence, a déclaré Maduro.", "fr", "Maduro"),
        (
            "Le Venezuela est uni contre l'ingérence, a affirmé Nicolas Maduro.",
            "fr",
            "Nicolas Maduro",
        ),
        ("Le Venezuela a perdu 300 millions de dollars en 2019, selon Maduro.", "fr", "Maduro"),
        (
            "La Colombie a fermé 3 postes-frontières en 2019, a déclaré le président "
            "Nicolas Maduro.",
            "fr",
            "Nicolas Maduro",
        ),
        (
            "Le Venezuela a perdu 300 millions de dollars en 2019, a déclaré le ministre des "
            "Affaires étrangères, Jorge Arreaza.",
            "fr",
            "Jorge Arreaza",
        ),
        ("Au Venezuela, Maduro a déclaré que 300 personnes ont été arrêtées.", "fr", "Maduro"),
        (
            "Maduro, en visite à Caracas, a déclaré que 300 personnes ont été arrêtées.",
            "fr",
            "Maduro",
        ),
        (
            "Le président Maduro, qui bénéficie du soutien du peuple, a annoncé la rupture avec "
            "la Colombie en 2019.",
            "fr",
            "Maduro",
        ),
        ("Venezuela is united against interference, Maduro said.", "en", "Maduro"),
        ("Venezuela is united against interference, said Maduro.", "en", "Maduro"),
        ("Venezuela lost 300 million dollars in 2019, according to Maduro.", "en", "Maduro"),
        (
            "The United Nations sent 300 tonnes of food in 2019, said President Nicolas Maduro.",
            "en",
            "Nicolas Maduro",
        ),
        (
            "Mayor Ann Lee, who resigned in 2020 after a scandal, said Boston lost 300 jobs.",
            "en",
            "Ann Lee",
        ),
        (
            "First of all, the Department of Energy has said the tax break costs $2.8 billion.",
            "en",
            "Department of Energy",
        ),
        (
            "Sa moyenne de 0,54 but par match est la meilleure de la saison, a indiqué la MLS.",
            "fr",
            "MLS",
        ),
        ("L'ONU a versé 300 millions d'euros en 2019, affirme Maduro.", "fr", "Maduro"),
    ],
)
def test_the_speaker_of_a_reporting_verb_after_a_comma(
    sentence: str, lang: str, speaker: str
) -> None:
    """A place or an organisation opening the sentence is what was said about, not who said it."""
    claim = next(c for c in extract_claims(sentence, lang) if c.start == 0)
    assert claim.speaker == speaker
    assert f"attributed to {speaker}" in claim.reasons


def test_unnamed_sourcing_after_a_comma_is_no_speaker() -> None:
    sentence = (
        "Le Venezuela a perdu 300 millions de dollars en 2019, a affirmé un proche de Maduro."
    )
    (claim,) = extract_claims(sentence, "fr")
    assert claim.speaker is None
    assert "anonymous sourcing: un proche de Maduro" in claim.reasons


def test_a_french_present_after_a_comma_needs_a_speaker_closing_the_sentence() -> None:
    sentence = "Le gouvernement prépare un plan de 300 millions, lance un appel et rappelle tout."
    (claim,) = extract_claims(sentence, "fr")
    assert claim.speaker is None
    assert not any(e.kind == "attribution" for e in claim.elements)


def test_a_reporting_verb_inside_a_name_reports_nothing() -> None:
    """ "States" in "the United States" is no "states" (the verb)."""
    for sentence in (
        "The United States sent 300 tonnes of food to Venezuela in 2019.",
        "Secondly, there were three countries: Great Britain, Australia and the United States.",
    ):
        claim = next(c for c in extract_claims(sentence, "en") if c.start == 0)
        assert claim.speaker is None, sentence
