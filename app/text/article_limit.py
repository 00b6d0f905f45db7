"""The largest article the window opens as one: past it a checker could not read it anyway.

Measured (BENCHMARKS "Big inputs"): 1 MB of French news text is ≈ 5,000 sentences and as many
claims to review; analysing and matching it takes the window's worker ≈ 25 s of CPU on a small
archive. A 5 MB file (≈ 26,000 claims) is refused with a one-line message naming the limit;
``crible check`` still takes any file the intake reads (up to ``intake.MAX_BYTES``).
"""

from __future__ import annotations

from app.errors import UserError

MAX_ARTICLE_BYTES = 1_000_000


def check_readable(text: str, name: str, limit: int = MAX_ARTICLE_BYTES) -> None:
    """UserError when *text* (the article called *name*) is past *limit* bytes (UTF-8)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise UserError(
            "{name} is too large ({size} MB; limit {limit} MB)",
            name=name,
            size=f"{size / 1_000_000:.1f}",
            limit=f"{limit / 1_000_000:g}",
        )


def short_name(title: str, text: str) -> str:
    """What to call an article in a message: its title, else its first words."""
    if title.strip():
        return title.strip()[:60]
    words = " ".join(text.split()[:6])
    return f"« {words[:40]}… »"
