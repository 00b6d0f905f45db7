"""First-stage retrieval from cached postings: BM25 order, misspellings, pruning, the cache."""

from __future__ import annotations

import random

import numpy as np
import pytest
from rapidfuzz import fuzz, process
from sqlite_utils import Database

from app.matching import Matcher, retrieval
from app.matching.retrieval import Postings, Retriever
from app.matching.scoring import K1, B
from app.storage import search
from app.storage.claims import add_claim, delete_claim, update_claim


def test_postings_count_claims_once_and_note_repeated_terms() -> None:
    postings = Postings.of(np.array([9, 3, 3, 5, 9, 9], dtype=np.int32))
    assert postings.ids.tolist() == [3, 5, 9]
    assert postings.multi.tolist() == [3, 9]
    tf2 = 2 * (K1 + 1) / (2 + K1) - 1
    tf3 = 3 * (K1 + 1) / (3 + K1) - 1
    assert postings.gain.tolist() == pytest.approx([tf2, tf3])
    assert len(Postings.of(np.empty(0, dtype=np.int32))) == 0


def test_rarer_and_more_terms_rank_first(db: Database) -> None:
    rare = add_claim(db, text="glyphosate interdit en Europe", lang="fr").id
    for _ in range(5):
        add_claim(db, text="Europe interdit autre chose", lang="fr")
    only_rare = add_claim(db, text="glyphosate", lang="fr").id
    found = Retriever(db).best({"glyphosate": 3.0, "europe": 0.5, "interdire": 0.5}, 4.0, 3)
    assert found[:2] == [only_rare, rare] or found[:2] == [rare, only_rare]
    assert Retriever(db).best({}, 4.0, 3) == []
    assert Retriever(db).best({"absent": 1.0}, 4.0, 3) == []


def test_a_shorter_claim_ranks_first_on_equal_terms(db: Database) -> None:
    long = add_claim(db, text="glyphosate herbicide champ récolte maïs blé colza", lang="fr").id
    short = add_claim(db, text="glyphosate herbicide", lang="fr").id
    assert Retriever(db).best({"glyphosate": 2.0, "herbicide": 2.0}, 4.0, 2) == [short, long]


def test_a_misspelt_word_counts_through_words_spelt_alike(db: Database) -> None:
    add_claim(db, text="Le gouvernement a menti", lang="fr")
    target = add_claim(db, text="Le gouvernement a augmenté le glyphosate", lang="fr").id
    alone = add_claim(db, text="glyphosate", lang="fr").id
    retriever = Retriever(db)
    assert retriever.spelt_alike("glyphosatte") == ["glyphosate"]
    found = retriever.best({"gouvernement": 1.0}, 4.0, 5, misspelt={"glyphosatte": 5.0})
    assert found[0] == target
    assert alone not in found  # sharing only the misspelt word is not enough


@pytest.mark.parametrize("term", ['"', "AND", "NEAR(a b)", "a*", "-a", "col:a", "'", "x\x00y", ""])
def test_retrieval_reads_hostile_terms_as_literals(db: Database, term: str) -> None:
    # The postings are keyed by normalised (lower-case) words: none of these is one.
    add_claim(db, text="AND NOT NEAR col a", lang="en")
    retriever = Retriever(db)
    assert retriever.best({term: 1.0}, 4.0, 5, misspelt={term + "zzzzz": 1.0}) == []


def test_retrieval_finds_the_claim_by_a_word_that_is_an_fts_operator(db: Database) -> None:
    claim = add_claim(db, text="AND NOT NEAR col a", lang="en")
    found = Retriever(db).best({"near": 1.0}, 4.0, 5, misspelt={})
    assert [int(i) for i in found] == [claim.id]


def test_doc_lengths_read_every_claim_long_ones_too(db: Database) -> None:
    short = add_claim(db, text="glyphosate interdit", lang="fr").id
    words = " ".join(f"mot{i}x" for i in range(200))  # > 127 terms: a two-byte varint
    long = add_claim(db, text=words, title="titre", lang="fr").id
    ids, lengths = search.doc_lengths(db)
    found = dict(zip(ids.tolist(), lengths.tolist(), strict=True))
    assert found[short] == 2
    norm_text, norm_title = search.norm_texts(db, [long])[long]
    assert len(norm_text.split()) > 127
    assert found[long] == len(norm_text.split()) + len(norm_title.split())


def test_the_index_marker_follows_the_index_not_verdicts(db: Database) -> None:
    claim = add_claim(db, text="glyphosate interdit", lang="fr")
    before = search.index_marker(db)
    update_claim(db, claim.id, verdict_text="Faux", notes="vu")
    assert search.index_marker(db) == before
    add_claim(db, text="autre chose", lang="fr")
    after_add = search.index_marker(db)
    assert after_add != before
    update_claim(db, claim.id, text="glyphosate autorisé")
    assert search.index_marker(db) != after_add
    after_edit = search.index_marker(db)
    delete_claim(db, claim.id)
    assert search.index_marker(db) != after_edit


def test_a_reused_matcher_forgets_deleted_and_edited_claims(db: Database) -> None:
    matcher = Matcher(db)
    claim = add_claim(db, text="Le glyphosate est interdit en Europe depuis 2020", lang="fr")
    assert [m.claim_id for m in matcher.match("glyphosate interdit Europe 2020")] == [claim.id]
    update_claim(db, claim.id, text="Les abeilles disparaissent en France")
    assert matcher.match("glyphosate interdit Europe 2020") == []
    assert [m.claim_id for m in matcher.match("abeilles disparaissent France")] == [claim.id]
    delete_claim(db, claim.id)
    assert matcher.match("abeilles disparaissent France") == []


def test_a_matcher_inside_a_transaction_sees_its_writes(db: Database) -> None:
    matcher = Matcher(db)
    matcher.match("glyphosate")
    with db.atomic():
        db.execute(
            "INSERT INTO claims(text, norm_text, norm_title, lang) VALUES (?, ?, '', 'fr')",
            ["Glyphosate interdit", "glyphosate interdire"],
        )
        assert len(matcher.match("glyphosate interdit")) == 1


def test_pruning_keeps_the_exhaustive_best(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(5)
    vocabulary = [f"mot{i}" for i in range(60)]
    zipf = [1 / (i + 1) for i in range(60)]
    for _ in range(400):
        words = rng.choices(vocabulary, weights=zipf, k=rng.randint(3, 9))
        db.execute(
            "INSERT INTO claims(text, norm_text, norm_title, lang) VALUES (?, ?, '', 'fr')",
            [" ".join(words), " ".join(words)],
        )
    retriever = Retriever(db)
    for _ in range(20):
        query = rng.sample(vocabulary, 6)
        weights = {t: len(vocabulary) / (vocabulary.index(t) + 1) for t in query}
        pruned = retriever.best(weights, 6.0, 10)
        monkeypatch.setattr(retrieval, "MARGIN", float("inf"))
        exhaustive = retriever.best(weights, 6.0, 10)
        monkeypatch.undo()
        best = _brute_force(db, weights, 6.0)
        ranked = sorted(best.values(), reverse=True)[:10]
        assert [best[i] for i in exhaustive] == pytest.approx(ranked, rel=1e-5)
        assert [best[i] for i in pruned] == pytest.approx(ranked, rel=1e-5)


def _brute_force(db: Database, weights: dict[str, float], avg: float) -> dict[int, float]:
    """Every claim's BM25 as retrieval approximates it (tf part relative to tf = 1)."""
    scored = {}
    for claim_id, norm_text in db.execute("SELECT id, norm_text FROM claims"):
        words = norm_text.split()
        sums = 0.0
        for term, weight in weights.items():
            tf = words.count(term)
            if tf:
                sums += weight * tf * (K1 + 1) / (tf + K1)
        if sums:
            scored[claim_id] = sums * (K1 + 1) / (1 + K1 * (1 - B + B * len(words) / avg))
    return scored


def test_common_terms_together_can_outrank_a_rare_one(db: Database) -> None:
    for i in range(20):
        add_claim(db, text=f"glyphosate {'abcdefghijklmnopqrst'[i] * 5}", lang="fr")
    target = add_claim(db, text="abeille pesticide interdiction", lang="fr").id
    weights = {"glyphosate": 3.0, "abeille": 2.0, "pesticide": 2.0, "interdiction": 2.0}
    assert Retriever(db).best(weights, 2.0, 1) == [target]


def test_spelt_alike_finds_what_rapidfuzz_finds_over_the_whole_vocabulary(db: Database) -> None:
    rng = random.Random(3)
    letters = "abcdeéilmnorstu"
    words = {"".join(rng.choices(letters, k=rng.randint(4, 11))) for _ in range(400)}
    for chunk in range(0, 400, 40):
        add_claim(db, text=" ".join(sorted(words)[chunk : chunk + 40]), lang="en")
    retriever = Retriever(db)
    vocabulary = [w for w in search.vocabulary(db) if len(w) >= 4 and not w[0].isdigit()]
    for word in rng.sample(sorted(words), 30):
        typo = word[:2] + word[3:] + rng.choice(letters)
        expected = process.extract(
            typo, vocabulary, scorer=fuzz.ratio, processor=None, score_cutoff=80, limit=None
        )
        assert retriever.spelt_alike(typo) == sorted(w for w, _, _ in expected)


def _archive_of_claims(path, count: int = 60) -> Database:
    from app.storage import open_archive

    db = open_archive(path)
    rng = random.Random(11)
    words = ["glyphosate", "abeille", "europe", "interdit", "pesticide", "récolte", "maïs"]
    for i in range(count):
        add_claim(db, text=" ".join(rng.choices(words, k=5)) + f" mot{i}x", lang="fr")
    return db


QUERIES = ["glyphosate interdit en Europe", "abeilles pesticide maïs", "glyphosatte récolte"]


def _results(matcher: Matcher) -> list[list[int]]:
    return [[m.claim_id for m in matcher.match(q, lang="fr", min_score=0.0)] for q in QUERIES]


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The terms whose postings are read from the archive from now on."""
    reads: list[str] = []
    read = search.term_occurrences

    def counted(db: Database, term: str) -> np.ndarray:
        reads.append(term)
        return read(db, term)

    monkeypatch.setattr(search, "term_occurrences", counted)
    return reads


def test_matchers_of_one_archive_file_share_what_they_load(tmp_path, monkeypatch) -> None:
    from app.storage import open_archive

    first_db = _archive_of_claims(tmp_path / "a.db")
    reads = _count_reads(monkeypatch)
    expected = _results(Matcher(first_db))
    assert reads
    loaded = len(reads)
    # Another connection, as a worker thread opens: nothing read again.
    assert _results(Matcher(open_archive(tmp_path / "a.db"))) == expected
    assert len(reads) == loaded
    # Another archive file shares nothing (the same claims, numbered alike).
    assert _results(Matcher(_archive_of_claims(tmp_path / "b.db"))) == expected
    assert len(reads) == 2 * loaded


def test_an_index_change_reaches_every_matcher_of_the_file(tmp_path) -> None:
    from app.storage import open_archive

    db = _archive_of_claims(tmp_path / "a.db")
    first, second = Matcher(db), Matcher(open_archive(tmp_path / "a.db"))
    _results(first), _results(second)
    new = add_claim(db, text="Le glyphosate interdit en Europe depuis 2020", lang="fr").id
    for matcher in (second, first):
        found = matcher.match("glyphosate interdit en Europe depuis 2020", lang="fr")
        assert found and found[0].claim_id == new
    delete_claim(db, new)
    for matcher in (first, second):
        found = matcher.match("glyphosate interdit en Europe depuis 2020", lang="fr")
        assert new not in [m.claim_id for m in found]


def test_a_warm_matcher_leaves_nothing_for_the_next_to_load(tmp_path, monkeypatch) -> None:
    from app.storage import open_archive

    db = _archive_of_claims(tmp_path / "a.db")
    reads = _count_reads(monkeypatch)
    assert Matcher(db).warm(min_docs=1) > 0
    warmed = len(reads)
    assert Matcher(db).warm(min_docs=1) > 0
    assert len(reads) == warmed
    _results(Matcher(open_archive(tmp_path / "a.db")))
    assert reads[warmed:] == ["glyphosatte"]  # in no claim: not in the vocabulary warmed
    assert Matcher(db).warm(min_docs=1, cancelled=lambda: True) == 0


def test_matchers_in_two_threads_find_what_one_finds_alone(tmp_path) -> None:
    import threading

    from app.storage import open_archive

    db = _archive_of_claims(tmp_path / "a.db", count=400)
    expected = _results(Matcher(_archive_of_claims(tmp_path / "alone.db", count=400)))
    found: list[list[list[int]]] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            matcher = Matcher(open_archive(tmp_path / "a.db"))
            for _ in range(5):
                found.append(_results(matcher))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(2)]
    warm = threading.Thread(target=lambda: Matcher(open_archive(tmp_path / "a.db")).warm(1))
    for thread in [*threads, warm]:
        thread.start()
    for thread in [*threads, warm]:
        thread.join()
    assert not errors
    assert found == [expected] * 10
    db.close()
