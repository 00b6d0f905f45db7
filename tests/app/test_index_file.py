"""The query-ready index file: same answers as FTS5, never stale, damage-proof, crash-safe;
and term statistics that the desk's unchecked article sentences never move."""

from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from sqlite_utils import Database

from app.interop.importer import import_records
from app.interop.records import ReviewRecord
from app.matching import Matcher, index_file, retrieval
from app.storage import open_archive, search
from app.storage.claims import add_claim, delete_claim, save_article_with_claims
from app.storage.reviews import add_archive_reviews, archive_file

WORDS = [
    "gouvernement",
    "président",
    "chômage",
    "impôts",
    "retraite",
    "salaire",
    "inflation",
    "budget",
    "dette",
    "élection",
    "vaccin",
    "hôpital",
    "école",
    "police",
    "frontière",
    "migrants",
    "climat",
    "énergie",
    "nucléaire",
    "pétrole",
    "essence",
    "agriculteurs",
    "glyphosate",
    "europe",
    "france",
    "venezuela",
    "colombie",
    "diplomates",
    "ministre",
    "député",
    "loi",
    "réforme",
    "pauvreté",
    "croissance",
    "emploi",
    "entreprises",
    "banque",
    "euro",
    "dollar",
    "pourcentage",
    "million",
]

QUERIES = [
    "Le gouvernement a augmenté les impôts et la dette",
    "Le chômage des jeunes a baissé en France",
    "Les diplomates du Venezuela expulsés par la Colombie",
    "le glyphosatte interdit en europe",  # a misspelt word
    "La réforme des retraites coûte un million d'euros",
]


def _claims(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12))) for _ in range(count)]


@pytest.fixture
def archive(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    """400 earlier checks; index files allowed at any size; nothing shared from other tests."""
    monkeypatch.setattr(index_file, "MIN_CLAIMS", 0)
    retrieval.forget_shared()
    records = [
        ReviewRecord(
            claim_text=text, lang="fr", textual_rating="Faux", review_url=f"https://f.example/{i}"
        )
        for i, text in enumerate(_claims(400))
    ]
    add_archive_reviews(db, records)
    return db


def _answers(db: Database) -> list[list[tuple[int, float]]]:
    retrieval.forget_shared()
    matcher = Matcher(db)
    return [[(m.claim_id, m.score) for m in matcher.match(q, limit=10)] for q in QUERIES]


def _file_in_use(db: Database) -> bool:
    retrieval.forget_shared()
    matcher = Matcher(db)
    matcher.match(QUERIES[0])
    return matcher._retriever.file() is not None


def test_the_file_gives_the_answers_fts5_gives(archive: Database) -> None:
    path = index_file.path_for(archive)
    assert path is not None and not path.exists()
    before = _answers(archive)
    assert any(before), "the queries must find something for this test to mean anything"
    assert Matcher(archive).warm() >= 0
    assert path.exists()
    assert _file_in_use(archive)
    assert _answers(archive) == before
    # The file's statistics and postings are those FTS5 gives.
    opened = index_file.open_index(path, search.index_marker(archive))
    assert opened is not None
    assert (opened.claims, opened.avg_terms) == search.reference_stats(archive)
    for term in ("gouvernement", "venezuela", "absent"):
        from_fts = search.term_occurrences(archive, term)
        postings = opened.postings(term)
        assert postings is not None
        assert postings.ids.tolist() == sorted(set(from_fts.tolist()))
    assert opened.postings("x" * 200) is None  # too long for the file: FTS5 answers


def test_a_stale_file_is_never_used(archive: Database) -> None:
    Matcher(archive).warm()
    assert _file_in_use(archive)
    new = add_claim(archive, text="Le gouvernement a augmenté les impôts et la dette", lang="fr")
    assert not _file_in_use(archive)
    found = [m.claim_id for m in Matcher(archive).match(QUERIES[0], include_unchecked=True)]
    assert new.id in found
    delete_claim(archive, new.id)
    retrieval.forget_shared()
    assert new.id not in [m.claim_id for m in Matcher(archive).match(QUERIES[0])]
    # warm() rebuilds it at the new marker, and the answers stay FTS5's.
    expected = _answers_without_file(archive)
    Matcher(archive).warm()
    assert _file_in_use(archive)
    assert _answers(archive) == expected


def _answers_without_file(db: Database) -> list[list[tuple[int, float]]]:
    path = index_file.path_for(db)
    assert path is not None
    path.unlink(missing_ok=True)
    return _answers(db)


def test_inside_a_transaction_the_file_is_not_trusted(archive: Database) -> None:
    Matcher(archive).warm()
    with archive.atomic():
        claim = add_claim(archive, text="Les diplomates du Venezuela expulsés", lang="fr")
        matcher = Matcher(archive)
        found = [m.claim_id for m in matcher.match(QUERIES[2], include_unchecked=True)]
        assert claim.id in found
        assert matcher._retriever.file() is None


@pytest.mark.parametrize(
    "damage",
    ["empty", "garbage", "truncated", "bad_bounds", "ids_out_of_order"],
)
def test_a_damaged_file_counts_as_absent(archive: Database, damage: str) -> None:
    expected = _answers(archive)
    Matcher(archive).warm()
    path = index_file.path_for(archive)
    assert path is not None
    data = bytearray(path.read_bytes())
    if damage == "empty":
        data = bytearray()
    elif damage == "garbage":
        data = bytearray(os.urandom(len(data)))
    elif damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "bad_bounds":
        data = data.replace(b'"starts": [0,', b'"starts": [8,', 1)
    else:  # every posting reversed: still in bounds, no longer sorted
        header, start = index_file._header(bytes(data))
        offset, (count,) = header["arrays"]["ids"]
        at = start + offset
        ids = np.frombuffer(bytes(data[at : at + 4 * count]), dtype="<i4")
        data[at : at + 4 * count] = ids[::-1].tobytes()
    path.write_bytes(bytes(data))
    assert _answers(archive) == expected


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary(
    archive: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    Matcher(archive).warm()
    path = index_file.path_for(archive)
    assert path is not None
    old = path.read_bytes()
    add_claim(archive, text="Le chômage des jeunes a baissé", lang="fr")

    def crash(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(index_file.os, "replace", crash)
    retrieval.forget_shared()
    assert Matcher(archive).warm() >= 0  # falls back to loading from FTS5
    assert path.read_bytes() == old
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []
    assert not _file_in_use(archive)  # the old file belongs to the old marker


def test_small_and_in_memory_archives_have_no_file(db: Database) -> None:
    retrieval.forget_shared()
    add_claim(db, text="Le gouvernement a menti", lang="fr")
    Matcher(db).warm()
    path = index_file.path_for(db)
    assert path is not None and not path.exists()  # below MIN_CLAIMS
    memory = Database(memory=True)
    assert index_file.path_for(memory) is None


@dataclass(frozen=True)
class _Draft:
    text: str
    start: int
    end: int
    checkworthiness: float = 0.5
    reasons: tuple[str, ...] = ()
    speaker: str | None = None


def test_storing_articles_never_moves_an_earlier_checks_score(db: Database) -> None:
    retrieval.forget_shared()
    earlier = "Le gouvernement a augmenté les impôts des retraités de 20 %"
    add_archive_reviews(
        db,
        [ReviewRecord(claim_text=earlier, lang="fr", textual_rating="Faux")]
        + [
            ReviewRecord(claim_text=text, lang="fr", textual_rating="Vrai")
            for text in _claims(60, seed=3)
        ],
    )
    query = "Le ministre dit que les impôts des retraités ont baissé en 2019"

    def score() -> float:
        found = Matcher(db).match(query, limit=3, min_score=0)
        assert found and found[0].text == earlier
        return found[0].score

    before = score()
    rng = random.Random(5)
    for n in range(20):  # the desk's articles: sentences full of the query's other words
        sentences = [
            f"Le ministre a baissé les aides en 2019, {rng.choice(WORDS)} {n} {i}."
            if i % 2
            else f"Le gouvernement et les impôts des retraités, {rng.choice(WORDS)} {n} {i}."
            for i in range(15)
        ]
        drafts, at = [], 0
        for sentence in sentences:
            drafts.append(_Draft(sentence, at, at + len(sentence)))
            at += len(sentence) + 1
        save_article_with_claims(db, text=" ".join(sentences), claims=drafts, lang="fr")
    assert abs(score() - before) <= 2


def test_the_desk_is_left_out_of_document_frequencies(db: Database) -> None:
    retrieval.forget_shared()
    add_archive_reviews(db, [ReviewRecord(claim_text="glyphosate interdit", lang="fr")])
    text = "Le glyphosate partout."
    save_article_with_claims(db, text=text, claims=[_Draft(text, 0, len(text))], lang="fr")
    matcher = Matcher(db)
    matcher.match("glyphosate")
    assert matcher._retriever.doc_freq("glyphosate") == 1
    assert matcher._retriever.stats()[0] == 1
    assert len(search.term_occurrences(db, "glyphosate")) == 2


def test_index_path_sits_beside_the_archive(db: Database) -> None:
    archive = archive_file(db)
    assert archive is not None
    assert index_file.path_for(db) == Path(archive + index_file.SUFFIX)


def test_an_import_leaves_a_fresh_file_for_the_next_process(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_file, "MIN_CLAIMS", 100)
    records = [ReviewRecord(claim_text=text, lang="fr") for text in _claims(150)]
    import_records(db, records[:50])
    path = index_file.path_for(db)
    assert path is not None and not path.exists()  # 50 claims: below MIN_CLAIMS
    import_records(db, records[50:])
    opened = index_file.open_index(path, search.index_marker(db))
    assert opened is not None and opened.claims == 150
    assert _file_in_use(db)
    import_records(db, records[:10])  # duplicates only: nothing added, the file stays fresh
    assert index_file.open_index(path, search.index_marker(db)) is not None


def test_common_terms_added_whole_or_looked_up_give_the_same_ranking(
    archive: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.matching.retrieval import Retriever

    retriever = Retriever(archive)
    total = search.claim_count(archive)
    queries = [dict.fromkeys(text.split()) for text in _claims(30, seed=11)]
    found = {}
    for factor in (0, 1_000_000):  # always looked up; always added whole
        monkeypatch.setattr(retrieval, "SCATTER_FACTOR", factor)
        found[factor] = [
            retriever.best({t: 1.0 + len(t) / 10 for t in words}, 7.0, 5) for words in queries
        ]
    assert found[0] == found[1_000_000]
    assert all(found[0])
    assert total == 400


def test_an_archive_replaced_by_another_made_alike_never_uses_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_file, "MIN_CLAIMS", 0)
    made = []
    for name, seed in (("a.db", 1), ("b.db", 2)):
        retrieval.forget_shared()
        db = open_archive(tmp_path / name)
        add_archive_reviews(db, [ReviewRecord(claim_text=t, lang="fr") for t in _claims(50, seed)])
        made.append((db, search.index_marker(db)))
    (first, marker_a), (second, marker_b) = made
    assert marker_a == marker_b  # same structure record: the marker alone cannot tell them
    Matcher(first).warm()
    first.close()
    second.close()
    index_a = tmp_path / ("a.db" + index_file.SUFFIX)
    assert index_a.exists()
    (tmp_path / "b.db").replace(tmp_path / "a.db")  # b restored over a; a's file stays
    retrieval.forget_shared()
    replaced = open_archive(tmp_path / "a.db")
    try:
        assert not _file_in_use(replaced)
        assert _answers(replaced) == _answers_without_file(replaced)
    finally:
        replaced.close()
