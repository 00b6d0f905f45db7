"""Synthetic archives for the speed benchmark: claims recombined from real sentences.

With ``../shared/benchmarks`` present, the sentence pool is every CheckThat! verified claim and
title (English) plus the UD French sentences; each synthetic claim splices word runs from two
pool sentences and may swap its numbers, so the vocabulary and its Zipf curve stay realistic
without repeating a few templates. Without the data, a self-contained generator draws words
from a Zipf-distributed vocabulary of pronounceable made-up words.
"""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import checkthat

FRENCH = ("ud-french-gsd", "ud-french-pud")


def sentence_pool() -> tuple[list[str], str]:
    """(sentences, where they came from)."""
    if not checkthat.available():
        return _made_up_pool(40_000, random.Random(7)), "self-contained generator"
    pool: list[str] = []
    for loader in (checkthat.vclaims_2020, checkthat.vclaims_2022a, checkthat.vclaims_2022b):
        for claim in loader():
            pool.append(claim.text)
            if claim.title:
                pool.append(claim.title.split(". ")[0])
    for folder in FRENCH:
        path = checkthat.BENCHMARKS / folder / "sentences.tsv"
        with path.open(encoding="utf-8", newline="") as handle:
            pool.extend(row["text"] for row in csv.DictReader(handle, delimiter="\t"))
    pool = [s.strip() for s in pool if len(s.split()) >= 4]
    return sorted(set(pool)), "CheckThat! vclaims + UD French sentences, recombined"


def claims(pool: list[str], count: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """``count`` (text, lang) claims, each a splice of two pool sentences."""
    rng = random.Random(seed)
    split = [s.split() for s in pool]
    french = {i for i, s in enumerate(pool) if _looks_french(s)}
    for _ in range(count):
        a = rng.randrange(len(split))
        b = rng.randrange(len(split))
        first, second = split[a], split[b]
        cut_a = rng.randint(2, max(2, len(first) - 1))
        cut_b = rng.randint(0, max(0, len(second) - 3))
        words = first[:cut_a] + second[cut_b : cut_b + rng.randint(3, 14)]
        if rng.random() < 0.3:
            words = [_renumber(w, rng) for w in words]
        yield " ".join(words), "fr" if a in french else "en"


def perturb(text: str, rng: random.Random) -> str:
    """A restatement: a dropped word, two swapped, a typo, changed case."""
    words = text.split()
    if len(words) > 5:
        del words[rng.randrange(len(words))]
    if len(words) > 3:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    long_words = [i for i, w in enumerate(words) if len(w) > 6 and w.isalpha()]
    if long_words:
        i = rng.choice(long_words)
        w = words[i]
        j = rng.randrange(1, len(w) - 1)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words).lower() if rng.random() < 0.5 else " ".join(words)


def _renumber(word: str, rng: random.Random) -> str:
    return str(rng.randint(2, 2000)) if word.isdigit() else word


def _looks_french(sentence: str) -> bool:
    words = set(sentence.lower().split())
    return len(words & {"le", "la", "les", "des", "une", "est", "et", "du", "dans"}) >= 2


def _made_up_pool(count: int, rng: random.Random) -> list[str]:
    syllables = [c + v for c in "bcdfghjklmnprstvz" for v in "aeiou"] + ["ion", "ent", "ar"]
    vocabulary = sorted(
        {"".join(rng.choices(syllables, k=rng.randint(1, 4))) for _ in range(60_000)}
    )
    rng.shuffle(vocabulary)
    weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]
    pool = []
    for _ in range(count):
        words = rng.choices(vocabulary, weights=weights, k=rng.randint(6, 22))
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), str(rng.randint(2, 5000)))
        pool.append(" ".join(words).capitalize() + ".")
    return pool
