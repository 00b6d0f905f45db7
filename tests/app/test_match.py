"""Matching: restated claims found, different numbers/countries kept out of the match tier."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from app.matching import MATCH_THRESHOLD, RELATED_THRESHOLD, Matcher
from app.storage.articles import add_article
from app.storage.claims import add_claim
from app.storage.reindex import reindex_if_needed
from app.storage.settings import get_setting, set_setting
from app.text.normalize import NORMALIZER_VERSION

ARCHIVE = [
    "La France a envoyé 300 tonnes d'aide humanitaire au Liban en 2020.",
    "La France a envoyé 200 tonnes d'aide humanitaire au Liban en 2020.",
    "L'Allemagne a envoyé 300 tonnes d'aide humanitaire au Liban en 2020.",
    "Le gouvernement a supprimé les allocations familiales des chômeurs.",
    "Les éoliennes tuent des millions d'oiseaux chaque année en France.",
    "Le vaccin contre le Covid-19 modifie l'ADN des personnes vaccinées.",
    "Emmanuel Macron a augmenté le salaire des ministres de 30 %.",
    "The WHO declared that 5G networks spread the coronavirus.",
]


@pytest.fixture
def archive(db: Database) -> dict[str, int]:
    ids = {}
    for text in ARCHIVE:
        ids[text] = add_claim(db, text=text, lang="fr" if "WHO" not in text else "en").id
    return ids


def test_restated_french_claim_is_found_despite_order_inflection_accents_case_typos(
    db: Database, archive: dict[str, int]
) -> None:
    query = "AU LIBAN, 300 tonnes d'aides humanitaires ont ete envoyees par la frnace en 2020"
    results = Matcher(db).match(query)
    best = results[0]
    assert best.claim_id == archive[ARCHIVE[0]]
    assert best.tier == "match"
    assert best.score >= MATCH_THRESHOLD
    assert "300 t" in best.why.numbers_agreeing
    assert ("frnace", "france") in best.why.fuzzy_terms


def test_typos_and_inflections_still_match(db: Database, archive: dict[str, int]) -> None:
    results = Matcher(db).match("le vacin contre le covid modifierait l'adn des vaccinés")
    assert results[0].claim_id == archive[ARCHIVE[5]]
    assert results[0].tier == "match"


def test_different_numbers_are_not_in_the_match_tier(db: Database, archive: dict[str, int]) -> None:
    results = Matcher(db).match("La France a envoyé 300 tonnes d'aide humanitaire au Liban en 2020")
    by_id = {r.claim_id: r for r in results}
    other = by_id[archive[ARCHIVE[1]]]
    assert other.tier == "related"
    assert other.score < MATCH_THRESHOLD
    assert other.why.numbers_differing == (("300 t", "200 t"),)
    assert "differ" in other.why.summary


def test_a_different_country_is_not_in_the_match_tier(
    db: Database, archive: dict[str, int]
) -> None:
    results = Matcher(db).match("La France a envoyé 300 tonnes d'aide humanitaire au Liban en 2020")
    other = {r.claim_id: r for r in results}[archive[ARCHIVE[2]]]
    assert other.tier == "related"
    assert other.why.places_differing
    assert "Lebanon" in other.why.shared_places


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "x OR y",
        "a AND NOT b",
        "NEAR(a b)",
        "*",
        "-c",
        "(",
        ")",
        "éoliennes*",
        "^a",
        "a:b",
        "''",
    ],
)
def test_fts_syntax_in_queries_never_raises(
    db: Database, archive: dict[str, int], query: str
) -> None:
    for result in Matcher(db).match(query, min_score=0):
        assert 0 <= result.score <= 100


def test_scores_are_bounded_and_ordering_is_deterministic(
    db: Database, archive: dict[str, int]
) -> None:
    matcher = Matcher(db)
    first = matcher.match("aide humanitaire Liban", min_score=0, limit=20)
    second = Matcher(db).match("aide humanitaire Liban", min_score=0, limit=20)
    assert [(r.claim_id, r.score) for r in first] == [(r.claim_id, r.score) for r in second]
    assert all(0 <= r.score <= 100 for r in first)
    keys = [(-r.score, r.claim_id) for r in first]
    assert keys == sorted(keys)


def test_min_score_and_limit(db: Database, archive: dict[str, int]) -> None:
    matcher = Matcher(db)
    everything = matcher.match("aide humanitaire France", min_score=0, limit=50)
    default = matcher.match("aide humanitaire France")
    assert all(r.score >= RELATED_THRESHOLD for r in default)
    assert len(everything) > len(default)
    assert any(r.tier == "none" for r in everything)
    assert len(matcher.match("aide humanitaire France", min_score=0, limit=2)) == 2


def test_exclusions(db: Database, archive: dict[str, int]) -> None:
    matcher = Matcher(db)
    query = ARCHIVE[4]
    assert matcher.match(query)[0].claim_id == archive[query]
    assert archive[query] not in {
        r.claim_id for r in matcher.match(query, exclude_claim_ids=[archive[query]])
    }
    article = add_article(db, text=query, lang="fr")
    own = add_claim(db, text=query, article_id=article.id, start=0, end=len(query), lang="fr")
    found = {r.claim_id for r in matcher.match(query, exclude_article_id=article.id)}
    assert own.id not in found
    assert archive[query] in found


def test_explanation_spans_index_the_original_texts(db: Database, archive: dict[str, int]) -> None:
    query = "Des MILLIONS d'oiseaux tués par les éoliennes"
    best = Matcher(db).match(query)[0]
    highlighted = {query[s:e] for s, e in best.why.query_spans}
    assert {"MILLIONS", "oiseaux", "tués", "éoliennes"} <= highlighted
    in_text = {best.text[s:e] for s, e in best.why.text_spans}
    assert {"millions", "oiseaux", "tuent", "éoliennes"} <= in_text


def test_to_json_has_the_contract_fields(db: Database, archive: dict[str, int]) -> None:
    data = Matcher(db).match(ARCHIVE[6])[0].to_json()
    for key in ("claim_id", "text", "score", "tier", "verdict", "url", "publisher", "date", "why"):
        assert key in data
    for key in ("summary", "shared_terms", "numbers_agreeing", "numbers_differing"):
        assert key in data["why"]
    assert isinstance(data["why"]["summary"], str) and data["why"]["summary"]


def test_own_verdict_label_is_shown_for_checked_claims(db: Database) -> None:
    level = db.execute("SELECT id FROM rating_levels WHERE key = 'false'").fetchone()[0]
    claim = add_claim(db, text="Les éoliennes tuent des millions d'oiseaux", lang="fr")
    db.execute(
        "UPDATE claims SET verdict_level_id = ?, status = 'checked' WHERE id = ?", [level, claim.id]
    )
    assert Matcher(db).match("éoliennes oiseaux millions")[0].verdict == "Faux"


def test_new_claims_are_seen_by_a_reused_matcher(db: Database, archive: dict[str, int]) -> None:
    matcher = Matcher(db)
    assert not matcher.match("glyphosate interdit en Europe")
    claim = add_claim(db, text="Le glyphosate est interdit en Europe depuis 2020", lang="fr")
    assert matcher.match("glyphosate interdit en Europe")[0].claim_id == claim.id


def test_stale_normalised_text_is_rebuilt(db: Database, archive: dict[str, int]) -> None:
    db.execute("UPDATE claims SET norm_text = 'stale'")
    set_setting(db, "normalizer_version", "0")
    assert reindex_if_needed(db) == len(ARCHIVE)
    assert get_setting(db, "normalizer_version") == NORMALIZER_VERSION
    assert reindex_if_needed(db) == 0
    assert Matcher(db).match(ARCHIVE[3])[0].claim_id == archive[ARCHIVE[3]]


def test_opening_the_archive_rebuilds_stale_text_and_a_matcher_writes_nothing(db_path) -> None:
    from app.storage import open_archive

    db = open_archive(db_path)
    archive_texts = list(ARCHIVE)
    for text in archive_texts:
        add_claim(db, text=text, lang="fr")
    db.execute("UPDATE claims SET norm_text = 'stale'")
    set_setting(db, "normalizer_version", "0")
    changes_before = db.conn.total_changes
    Matcher(db).match(archive_texts[3])
    assert db.conn.total_changes == changes_before, "building and using a Matcher wrote"
    assert get_setting(db, "normalizer_version") == "0"
    db.close()
    reopened = open_archive(db_path)
    assert get_setting(reopened, "normalizer_version") == NORMALIZER_VERSION
    assert Matcher(reopened).match(archive_texts[3])[0].text == archive_texts[3]
    reopened.close()


def test_empty_archive_and_empty_query(db: Database) -> None:
    matcher = Matcher(db)
    assert matcher.match("n'importe quoi") == []
    assert matcher.match("") == []
    assert matcher.match("   ...  ") == []


def test_the_same_speaker_ranks_higher_but_never_makes_a_match(db: Database) -> None:
    other = add_claim(db, text="Le chômage a baissé de 10 % cette année", claimant="Marine Dupont")
    same = add_claim(db, text="Le chômage a baissé de 10 % cette année", claimant="Jean MARTIN")
    weak = add_claim(db, text="Le chômage des jeunes inquiète", claimant="J. Martin")
    matcher = Matcher(db)
    plain = matcher.match("le chômage a baissé de 10 %", min_score=0)
    assert plain[0].claim_id == other.id  # a tie, broken by id
    said = matcher.match("le chômage a baissé de 10 %", min_score=0, speaker="Jean Martin")
    assert said[0].claim_id == same.id and said[0].why.same_speaker
    assert "same speaker" in said[0].why.summary
    by_id = {r.claim_id: r for r in said}
    assert by_id[weak.id].score > {r.claim_id: r for r in plain}[weak.id].score
    assert by_id[weak.id].tier != "match"


def test_shared_names_are_explained(db: Database, archive: dict[str, int]) -> None:
    best = Matcher(db).match("Selon lui, Macron a augmenté le salaire des ministres de 30 %")[0]
    assert best.claim_id == archive[ARCHIVE[6]]
    assert best.why.shared_names == ("Macron",)
    assert "Macron" in best.why.summary
    assert best.why.to_json()["shared_names"] == ["Macron"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=60))
def test_any_text_is_a_safe_query(db: Database, archive: dict[str, int], query: str) -> None:
    for result in Matcher(db).match(query, min_score=0, limit=5):
        assert 0 <= result.score <= 100
        assert result.tier in ("match", "related", "none")
        for start, end in result.why.query_spans:
            assert 0 <= start < end <= len(query)


def test_unchecked_article_sentences_do_not_crowd_out_real_checks(
    db: Database, archive: dict[str, int]
) -> None:
    query = ARCHIVE[4]
    article = add_article(db, text=query, lang="fr")
    copy = add_claim(db, text=query, article_id=article.id, start=0, end=len(query), lang="fr")
    matcher = Matcher(db)
    found = [m.claim_id for m in matcher.match(query)]
    assert copy.id not in found and found[0] == archive[query]
    opted = [m.claim_id for m in matcher.match(query, include_unchecked=True)]
    assert copy.id in opted
    # Once checked (a verdict, or the status), the article's sentence is a real check.
    level = db.execute("SELECT id FROM rating_levels WHERE key = 'false'").fetchone()[0]
    db.execute("UPDATE claims SET verdict_level_id = ? WHERE id = ?", [level, copy.id])
    assert copy.id in [m.claim_id for m in matcher.match(query)]
    db.execute("UPDATE claims SET verdict_level_id = NULL, status = 'checked' WHERE id = ?",
               [copy.id])  # fmt: skip
    assert copy.id in [m.claim_id for m in matcher.match(query)]


def test_a_bare_number_or_one_word_is_never_a_match(db: Database, archive: dict[str, int]) -> None:
    matcher = Matcher(db)
    found = matcher.match("300")
    assert found and all(m.tier == "related" and m.score < MATCH_THRESHOLD for m in found)
    assert "1 shared term (300)" in found[0].why.summary
    assert all(m.tier != "match" for m in matcher.match("300 tonnes"))
    assert all(m.tier != "match" for m in matcher.match("éoliennes", lang="fr"))
    # Two words, and four of the candidate's missing: the subject, not yet the claim (#13).
    best = matcher.match("éoliennes oiseaux", lang="fr")[0]
    assert best.tier == "related" and "2 shared terms" in best.why.summary
    best = matcher.match("les éoliennes tuent des millions d'oiseaux", lang="fr")[0]
    assert best.tier == "match"


# Unrelated claims, so that idf weights are as in a real archive (not 4 claims out of 10).
FILLER = [f"Le conseil municipal de la commune {n} a voté son budget annuel." for n in range(40)]

CONTAINED = (
    "Il a assuré cette semaine que 300 tonnes d'aide humanitaire envoyées par la Russie "
    "étaient arrivées à Caracas, a déclaré Nicolas Maduro"
)


def test_a_long_sentence_containing_an_earlier_claim_is_a_match(db: Database) -> None:
    claims = {
        key: add_claim(db, text=text, lang="fr").id
        for key, text in {
            "same": "La Russie a envoyé 300 tonnes d'aide humanitaire au Venezuela.",
            "other_number": "La Russie a envoyé 200 tonnes d'aide humanitaire au Venezuela.",
            "other_country": "La Chine a envoyé 300 tonnes d'aide humanitaire au Venezuela.",
            "more_number": "La Russie a envoyé 300 tonnes d'aide humanitaire en 48 heures.",
        }.items()
    }
    for text in ARCHIVE + FILLER:
        add_claim(db, text=text, lang="fr")
    found = {m.claim_id: m for m in Matcher(db).match(CONTAINED, lang="fr", min_score=0)}
    assert found[claims["same"]].tier == "match"
    assert found[claims["same"]].score >= MATCH_THRESHOLD
    for key in ("other_number", "other_country", "more_number"):
        if claims[key] in found:
            assert found[claims[key]].score < MATCH_THRESHOLD, key


def test_containment_needs_nearly_all_of_the_candidate(db: Database) -> None:
    long_claim = add_claim(
        db,
        text="La Russie a envoyé 300 tonnes d'aide humanitaire et des médecins militaires "
        "au Venezuela malgré les sanctions américaines.",
        lang="fr",
    ).id
    for text in ARCHIVE + FILLER:
        add_claim(db, text=text, lang="fr")
    found = {m.claim_id: m for m in Matcher(db).match(CONTAINED, lang="fr", min_score=0)}
    assert long_claim not in found or found[long_claim].score < MATCH_THRESHOLD


def test_the_context_says_what_it_refers_to_but_never_makes_a_match(db: Database) -> None:
    metro = add_claim(db, text="Le nouveau métro a coûté 20 milliards aux contribuables.")
    wall = add_claim(db, text="Le mur à la frontière a coûté 20 milliards aux contribuables.")
    matcher = Matcher(db)
    line = "Et ça a coûté 20 milliards aux contribuables"
    alone = matcher.match(line, min_score=0)
    assert alone[0].claim_id == metro.id  # a tie, broken by id
    plain = {r.claim_id: r for r in alone}
    context = "Parlons du mur à la frontière sud."
    said = matcher.match(line, min_score=0, context=context)
    assert said[0].claim_id == wall.id
    by_id = {r.claim_id: r for r in said}
    assert by_id[wall.id].score > plain[wall.id].score
    assert by_id[metro.id].score == plain[metro.id].score  # nothing of it in the context
    # The context's words are not the line's: no match by context alone, none in "shared".
    only_context = matcher.match("Parlons-en", min_score=0, context=context)
    assert all(r.tier != "match" for r in only_context)
    assert "frontiere" not in by_id[wall.id].why.shared_terms


def test_a_context_never_lowers_a_match(db: Database, archive: dict[str, int]) -> None:
    query = "La France a envoyé 300 tonnes d'aide humanitaire au Liban en 2020"
    matcher = Matcher(db)
    plain = {r.claim_id: r.score for r in matcher.match(query, min_score=0)}
    noisy = matcher.match(query, min_score=0, context="Les éoliennes tuent des oiseaux. Le vaccin.")
    assert noisy[0].claim_id == archive[ARCHIVE[0]] and noisy[0].tier == "match"
    for result in noisy:  # the context may also fetch other claims, never in the match tier
        assert result.score >= plain.get(result.claim_id, 0.0)
        assert result.claim_id in plain or result.tier != "match"
