"""Opening an article: read it, analyse it into claims, store it — or reopen the same text.

"The same article" means one already stored with exactly this text (the earliest such):
opening it again reuses the work done on it, its claims as the checker left them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlite_utils import Database

from app.domain import Article, Claim
from app.storage import articles as articles_store
from app.storage import claims as claims_store
from app.workflows.progress import Progress

if TYPE_CHECKING:
    from app.intake import ArticleDraft
    from app.text.claims import Analysis

# Reading (trafilatura) and analysing load slowly: they are imported when first used, so
# the window opens without waiting for them.

# The elements worth pointing at in the text; names and attributions would drown them.
MARKED_KINDS = frozenset({"number", "quantity", "date", "quote"})


@dataclass(frozen=True, slots=True)
class Mark:
    """Something to point out inside a claim, in article offsets: a number, a date, a quote…"""

    kind: str
    start: int
    end: int
    loaded: bool = False


@dataclass(frozen=True, slots=True)
class ArticleBundle:
    """An article ready to work on: its stored claims and the marks inside them.

    ``created``: stored by this call (else reopened). ``analysis``: the analysis made on
    the way (the `crible check` JSON shows it), None when a stored article was reopened as
    it is.
    """

    article: Article
    claims: tuple[Claim, ...]
    marks: tuple[Mark, ...] = ()
    created: bool = False
    analysis: Analysis | None = None


def analyse_draft(
    draft: ArticleDraft, lang: str | None = None, progress: Progress | None = None
) -> Analysis:
    """The claims of a draft, in ``lang`` (None or "auto": the draft's, else detected);
    *progress* is checked every few hundred sentences (a cancelled job stops there)."""
    from app.text.claims import analyse

    chosen = draft.lang if lang in (None, "", "auto") else lang
    on_batch = None if progress is None else lambda _done, _all: progress.check()
    return analyse(draft.text, chosen, title=draft.title or "", on_batch=on_batch)


def open_article(
    db: Database,
    progress: Progress,
    source: str,
    *,
    lang: str | None = None,
    max_bytes: int | None = None,
) -> ArticleBundle:
    """A file, an http(s) URL or ``-`` (stdin): read, analysed, stored (or reopened)."""
    from app.intake import load

    progress.report(0, 3, "")
    draft = load(source)
    progress.report(1, 3, "")
    return store_draft(db, progress, draft, lang=lang, max_bytes=max_bytes)


def open_text(
    db: Database,
    progress: Progress,
    text: str,
    *,
    lang: str | None = None,
    max_bytes: int | None = None,
) -> ArticleBundle:
    """A pasted article: the same as a file, without the reading."""
    from app.intake import from_text

    progress.report(0, 3, "")
    return store_draft(db, progress, from_text(text), lang=lang, max_bytes=max_bytes)


def store_draft(
    db: Database,
    progress: Progress,
    draft: ArticleDraft,
    *,
    lang: str | None = None,
    max_bytes: int | None = None,
    always_analyse: bool = False,
) -> ArticleBundle:
    """Analyse and store ``draft``, in one transaction; the same text reopens its article.

    A reopened article is not analysed again unless ``always_analyse`` (the `crible check`
    JSON shows the analysis either way; the window needs only the stored claims).
    *max_bytes* (the window's ``article_limit.MAX_ARTICLE_BYTES``): a longer text is refused
    with a UserError before any work.
    """
    if max_bytes is not None:
        from app.text.article_limit import check_readable, short_name

        check_readable(draft.text, short_name(draft.title or "", draft.text), max_bytes)
    known = articles_store.find_article_by_text(db, draft.text)
    if known is not None:
        analysis = analyse_draft(draft, lang, progress) if always_analyse else None
        progress.report(2, 3, "")
        reopened = load_article(db, progress, int(known.id))
        return ArticleBundle(reopened.article, reopened.claims, reopened.marks, False, analysis)
    analysis = analyse_draft(draft, lang, progress)
    progress.report(2, 3, "")
    article, claims = claims_store.save_article_with_claims(
        db,
        text=draft.text,
        claims=analysis.claims,
        title=draft.title or "",
        url=draft.url,
        outlet=draft.outlet,
        author=draft.author,
        published=draft.published,
        lang=analysis.lang,
        origin=draft.origin,
    )
    marks = marks_for(article.text, claims, article.lang, progress.check)
    return ArticleBundle(article, tuple(claims), tuple(marks), True, analysis)


def load_article(db: Database, progress: Progress, article_id: int) -> ArticleBundle:
    """A stored article; one stored without claims (the demo) is analysed first."""
    article = articles_store.get_article(db, article_id)
    progress.report(0, 2, "")
    claims = claims_store.claims_of_article(db, article_id)
    if not claims:
        from app.text.claims import analyse

        analysis = analyse(article.text, article.lang, title=article.title)
        claims = claims_store.add_article_claims(db, article_id, analysis.claims)
    progress.report(1, 2, "")
    marks = marks_for(article.text, claims, article.lang)
    return ArticleBundle(article, tuple(claims), tuple(marks))


def marks_for(
    text: str,
    claims: Sequence[Claim],
    lang: str | None,
    check: Callable[[], None] | None = None,
) -> list[Mark]:
    """Checkable elements and loaded words inside each claim, recomputed from the text.

    They are not stored: ``describe_span`` is cheap and always agrees with the analyser.
    *check()* is called every 100 claims (a cancelled job raises there).
    """
    from app.text.claims import describe_span

    marks: list[Mark] = []
    for number, claim in enumerate(claims):
        if check is not None and number % 100 == 0:
            check()
        if claim.start is None or claim.end is None:
            continue
        candidate = describe_span(text, claim.start, claim.end, lang or "fr")
        marks.extend(
            Mark(e.kind, e.start, e.end) for e in candidate.elements if e.kind in MARKED_KINDS
        )
        marks.extend(Mark(e.kind, e.start, e.end, loaded=True) for e in candidate.loaded)
    return marks
