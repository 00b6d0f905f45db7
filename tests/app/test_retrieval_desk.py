"""The desk's unchecked sentences and a query's own article in first-stage retrieval: left
out before the top k is taken (never pushing earlier checks out), and read again when a
verdict takes a sentence off the desk."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass

from sqlite_utils import Database

from app.interop.records import ReviewRecord
from app.matching import Matcher, retrieval
from app.storage import open_archive, search
from app.storage.claims import save_article_with_claims, update_claim
from app.storage.reviews import add_archive_reviews

EARLIER = "Le gouvernement a augmenté les impôts des retraités de 20 %"
QUERY = "Le gouvernement augmente les impôts des retraités"


@dataclass(frozen=True)
class _Draft:
    text: str
    start: int
    end: int
    checkworthiness: float = 0.5
    reasons: tuple[str, ...] = ()
    speaker: str | None = None


def _article(db: Database, sentences: list[str]) -> tuple[int, list[int]]:
    drafts, at = [], 0
    for sentence in sentences:
        drafts.append(_Draft(sentence, at, at + len(sentence)))
        at += len(sentence) + 1
    article, claims = save_article_with_claims(
        db, text=" ".join(sentences), claims=drafts, lang="fr"
    )
    return article.id, [c.id for c in claims]


def _earlier(db: Database) -> int:
    add_archive_reviews(db, [ReviewRecord(claim_text=EARLIER, lang="fr", textual_rating="Faux")])
    return int(db.execute("SELECT id FROM claims WHERE text = ?", [EARLIER]).fetchone()[0])


def test_many_alike_sentences_of_the_own_article_never_hide_the_earlier_check(
    db: Database,
) -> None:
    retrieval.forget_shared()
    earlier = _earlier(db)
    sentences = [f"Le gouvernement augmente les impôts des retraités {n}." for n in range(300)]
    article_id, own = _article(db, sentences)
    matcher = Matcher(db, candidates=5)
    for unchecked in (False, True):
        found = [
            m.claim_id
            for m in matcher.match(
                QUERY, exclude_article_id=article_id, include_unchecked=unchecked, min_score=0
            )
        ]
        assert found and found[0] == earlier
        assert not set(found) & set(own)


def test_other_articles_unchecked_sentences_never_hide_the_earlier_check(db: Database) -> None:
    retrieval.forget_shared()
    earlier = _earlier(db)
    _article(db, [f"Le gouvernement augmente les impôts des retraités {n}." for n in range(300)])
    found = Matcher(db, candidates=5).match(QUERY, min_score=0)
    assert [m.claim_id for m in found] == [earlier]


def test_a_sentence_given_a_verdict_is_found_by_the_same_matcher(db: Database) -> None:
    retrieval.forget_shared()
    _, (sentence,) = _article(db, ["Le glyphosate est interdit en Europe depuis 2019."])
    matcher = Matcher(db)
    assert matcher.match("glyphosate interdit en Europe") == []
    marker = search.index_marker(db)
    update_claim(db, sentence, verdict_text="Faux")
    assert search.index_marker(db) == marker  # no FTS change: only the desk moved
    assert [m.claim_id for m in matcher.match("glyphosate interdit en Europe")] == [sentence]


def test_a_verdict_recorded_by_another_process_reaches_a_running_matcher(db_path) -> None:
    retrieval.forget_shared()
    db = open_archive(db_path)
    try:
        _, (sentence,) = _article(db, ["Le glyphosate est interdit en Europe depuis 2019."])
        matcher = Matcher(db)
        assert matcher.match("glyphosate interdit en Europe") == []
        edit = [sys.executable, "-m", "app", "--db", str(db_path), "edit", str(sentence)]
        subprocess.run([*edit, "--verdict-text", "Faux"], check=True, capture_output=True)
        assert [m.claim_id for m in matcher.match("glyphosate interdit en Europe")] == [sentence]
    finally:
        db.close()
