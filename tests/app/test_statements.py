"""Claims as a checker writes them: statements, completeness, speakers and names, reasons."""

from __future__ import annotations

import pytest

from app.text import checkworthy
from app.text.claims import ClaimCandidate, analyse, describe_span, extract_claims, rescore
from app.text.mentions import Mentions, claimant_name

FR = (
    "Le Sénat de Bélavie a voté hier la loi de finances et imposé à la tête de la commission le "
    "président du groupe centriste Marc Lenoir, qui s'est autoproclamé candidat en mars dernier, "
    "provoquant une crise. "
    '"Nous allons fermer 12 écoles en 2025 et nous tiendrons parole", a tweeté le ministre '
    "Paul Arnaud. "
    'Il a qualifié de "voyous" les syndicats qui ont bloqué 30 lycées la semaine dernière. '
    "Le président Lenoir, qui bénéficie du soutien de la majorité et des maires, a annoncé "
    "mardi que 400 millions d'euros seront débloqués pour les hôpitaux. "
    '"Le plan a échoué", a-t-il lancé en référence au 3 mars, lorsque la présidente de '
    "l'opposition, Anne Verlet, s'est déclarée candidate à la présidence et a lancé une "
    "pétition contre la réforme. "
    "Est-ce une bonne idée ? "
    "C'est une honte."
)

EN = (
    "Mayor Jane Brooks said on Monday that the city would spend $4 million on new bike lanes. "
    '"We have cut traffic deaths by 30 percent since 2019," Brooks said. '
    "Construction of the lanes will begin in May, which the mayor said would create 200 jobs. "
    "Council member David Chen disagreed. "
    "Chen said the budget had doubled in two years. "
    "The mayor told reporters that the project was fully funded. "
    "She added that the state had paid half of the cost."
)


def _claim(claims: list[ClaimCandidate], fragment: str) -> ClaimCandidate:
    found = [c for c in claims if fragment in c.text]
    assert found, f"no claim with {fragment!r}: {[c.text for c in claims]}"
    return min(found, key=lambda c: len(c.text))


@pytest.fixture(scope="module")
def fr() -> list[ClaimCandidate]:
    return extract_claims(FR, "fr")


@pytest.fixture(scope="module")
def en() -> list[ClaimCandidate]:
    return extract_claims(EN, "en")


def test_every_statement_is_set_and_text_stays_the_exact_span(fr, en) -> None:
    for text, claims in ((FR, fr), (EN, en)):
        for claim in claims:
            assert text[claim.start : claim.end] == claim.text
            assert claim.statement and not claim.statement[0].islower()


def test_a_quote_loses_its_attribution_frame(fr) -> None:
    tweet = _claim(fr, "a tweeté")
    assert tweet.statement == "Nous allons fermer 12 écoles en 2025 et nous tiendrons parole"
    assert tweet.speaker == "Paul Arnaud"


def test_a_relative_clause_gets_its_antecedent_back(fr) -> None:
    clause = _claim(fr, "qui s'est autoproclamé")
    assert clause.text.startswith("qui s'est autoproclamé")
    assert clause.statement == "Marc Lenoir s'est autoproclamé candidat en mars dernier"


def test_a_title_before_the_antecedent_stays_with_it(fr) -> None:
    clause = _claim(fr, "qui bénéficie du soutien")
    assert (
        clause.statement == "Le président Lenoir bénéficie du soutien de la majorité et des maires"
    )


def test_a_pronoun_subject_becomes_the_person(fr) -> None:
    claim = _claim(fr, "Il a qualifié")
    assert claim.statement.startswith('Paul Arnaud a qualifié de "voyous" les syndicats')
    assert claim.speaker == "Paul Arnaud"


def test_reported_speech_keeps_what_was_said(fr) -> None:
    claim = _claim(fr, "400 millions")
    assert claim.statement == "400 millions d'euros seront débloqués pour les hôpitaux"
    assert claim.speaker == "Marc Lenoir"  # "Le président Lenoir": the full name given before


def test_according_to_is_dropped_and_the_article_stripped_from_the_claimant() -> None:
    (claim,) = extract_claims("Le chômage a baissé de 3 % en 2019, selon l'Insee.", "fr")
    assert claim.statement == "Le chômage a baissé de 3 % en 2019"
    assert claim.speaker == "Insee"
    (claim,) = extract_claims("Selon Jean Dupont, le chômage a baissé de 3 % en 2019.", "fr")
    assert claim.statement == "Le chômage a baissé de 3 % en 2019"
    assert claimant_name("l'Insee") == "Insee" and claimant_name("la CGT") == "CGT"
    assert claimant_name("le porte-parole") == "le porte-parole"


def test_a_temporal_clause_and_its_coordinated_verb_are_claims(fr) -> None:
    declared = _claim(fr, "s'est déclarée candidate")
    assert declared.statement == "Anne Verlet s'est déclarée candidate à la présidence"
    petition = _claim(fr, "a lancé une pétition")
    assert petition.statement == "Anne Verlet a lancé une pétition contre la réforme"
    assert petition.speaker is None  # "a lancé une pétition" reports nothing


def test_a_standalone_one_clause_sentence_is_a_claim() -> None:
    claims = extract_claims(
        "Nicolas Maduro bénéficie du soutien du peuple et de l'armée vénézuélienne.", "fr"
    )
    assert [c.statement for c in claims] == [
        "Nicolas Maduro bénéficie du soutien du peuple et de l'armée vénézuélienne"
    ]


def test_opinion_and_questions_are_set_aside_with_their_reason() -> None:
    result = analyse(FR, "fr")
    aside = {c.text: c for c in result.set_aside}
    assert aside["Est-ce une bonne idée ?"].reasons[0] == "a question, not a claim"
    assert "C'est une honte." in aside
    assert not any(c.text == "C'est une honte." for c in result.claims)
    assert result.to_json()["not_checkworthy"][0]["reasons"]


def test_english_later_mentions_resolve_to_the_full_name(en) -> None:
    assert _claim(en, "30 percent").speaker == "Jane Brooks"  # "Brooks said"
    assert _claim(en, "doubled").speaker == "David Chen"  # "Chen said"
    assert _claim(en, "fully funded").speaker == "Jane Brooks"  # "the mayor told reporters"
    assert _claim(en, "fully funded").statement == "The project was fully funded"
    assert _claim(en, "half of the cost").speaker == "Jane Brooks"  # "She added"


def test_english_which_the_mayor_said(en) -> None:
    clause = _claim(en, "which the mayor said")
    assert clause.text == "which the mayor said would create 200 jobs"
    assert clause.speaker == "Jane Brooks"
    assert clause.statement == "Construction of the lanes would create 200 jobs"
    assert _claim(en, "said on Monday").statement == (
        "The city would spend $4 million on new bike lanes"
    )


def test_a_sentence_opening_common_noun_is_no_name(en) -> None:
    names = {e.text for e in checkworthy.names(EN, 0, len(EN), "en")}
    assert "Construction" not in names and "May" not in names
    assert {"Jane Brooks", "David Chen"} <= names
    assert "Paris" in {e.text for e in checkworthy.names("Paris a voté.", 0, 13, "fr")}


def test_etat_is_no_name() -> None:
    text = "L'État financera la moitié des travaux, a dit le chef d'État. Les Etats-Unis aussi."
    names = {e.text for e in checkworthy.names(text, 0, len(text), "fr")}
    assert "État" not in names and "Etats-Unis" in names


def test_mentions_resolve_only_when_one_person_fits() -> None:
    text = "Mayor Jane Brooks met Senator Tom Brooks. Council member David Chen left."
    mentions = Mentions(text, "en")
    assert mentions.resolve("Brooks") is None  # two people named Brooks
    assert mentions.resolve("Chen") == "David Chen"
    assert mentions.resolve("the mayor") == "Jane Brooks"
    assert mentions.resolve("the senator") == "Tom Brooks"
    assert mentions.resolve("Juan Chen") is None  # another first name
    assert Mentions("M. Maduro parle. Nicolas Maduro a dit.", "fr").resolve("M. Maduro") == (
        "Nicolas Maduro"
    )


def test_reasons_read_for_a_checker_and_carry_their_spans(fr, en) -> None:
    claim = _claim(fr, "400 millions")
    assert "a figure attributed to Marc Lenoir: 400 millions d'euros" in claim.reasons
    assert any(r.startswith("a prediction") for r in claim.reasons)
    for text, claims in ((FR, fr), (EN, en)):
        for candidate in claims:
            assert [r.text for r in candidate.reason_spans] == candidate.reasons
            for reason in candidate.reason_spans:
                for span in reason.spans:
                    assert text[span.start : span.end] == span.text
    causal = extract_claims("La grève a provoqué l'annulation de 1 500 vols.", "fr")[0]
    assert any(r.startswith("a causal claim: provoqué") for r in causal.reasons)


def test_rescore_scores_a_claim_on_its_own_words() -> None:
    plain = rescore("Il fait beau.", "fr")
    figure = rescore("Le chômage a baissé de 3 % en 2019, selon l'Insee.", "fr")
    assert figure.checkworthiness > plain.checkworthiness
    assert figure.statement == "Le chômage a baissé de 3 % en 2019"


def test_a_selected_relative_clause_gets_its_antecedent(fr) -> None:
    start = FR.index("qui s'est autoproclamé")
    end = FR.index(", provoquant")
    claim = describe_span(FR, start, end, "fr")
    assert claim.statement == "Marc Lenoir s'est autoproclamé candidat en mars dernier"


def test_coordinated_clauses_are_claims_of_their_own() -> None:
    text = "Le gouvernement a augmenté le budget de 5 % et les syndicats ont appelé à la grève."
    statements = [c.statement for c in extract_claims(text, "fr")]
    assert "Le gouvernement a augmenté le budget de 5 %" in statements
    assert "Les syndicats ont appelé à la grève" in statements
    text = "Le conseil a voté 300 000 euros pour la piscine et a reporté la rénovation du stade."
    assert "Le conseil a reporté la rénovation du stade" in [
        c.statement for c in extract_claims(text, "fr")
    ]
    text = "The council approved a 4 percent tax rise and the mayor has signed the budget."
    assert "The mayor has signed the budget" in [c.statement for c in extract_claims(text, "en")]


def test_reported_speech_is_not_cut_into_unattributed_parts() -> None:
    text = "Le ministre a affirmé que les prix ont baissé de 3 % et les salaires ont augmenté."
    claims = extract_claims(text, "fr")
    assert len(claims) == 1
    assert claims[0].speaker is not None
    assert claims[0].statement == "Les prix ont baissé de 3 % et les salaires ont augmenté"


def test_a_one_clause_sentence_has_no_coordinated_parts() -> None:
    text = "Les Etats-Unis veulent évincer Nicolas Maduro et imposer Juan Guaido en 2019."
    assert len(extract_claims(text, "fr")) == 1


def test_speech_in_a_participle_is_a_claim_of_its_speaker() -> None:
    text = (
        "Le président Marc Lenoir, qui a quitté le parti, a annoncé sa candidature, en affirmant "
        "que le chômage a doublé en cinq ans dans la région."
    )
    claim = next(c for c in extract_claims(text, "fr") if c.text.startswith("en affirmant"))
    assert claim.statement == "Le chômage a doublé en cinq ans dans la région"
    assert claim.speaker == "Marc Lenoir"
    text = "Mayor Jane Brooks defended the plan, saying that the city had cut crime by 12 percent."
    claim = next(c for c in extract_claims(text, "en") if c.text.startswith("saying"))
    assert (claim.speaker, claim.statement) == (
        "Jane Brooks",
        "The city had cut crime by 12 percent",
    )
