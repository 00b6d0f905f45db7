"""Sentence-boundary F1 of app.text.segment on the UD French treebanks, against simplemma.

Gold sentences of a document are joined with single spaces (GSD has no documents: its
shuffled sentences form one running text); a boundary is the offset where a sentence ends.
Also times a 50k-word article through ``analyse``.
Run: .venv/bin/python bench/bench_segment.py
"""

from __future__ import annotations

import csv
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.text.segment import split_sentences  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
SETS = ("ud-french-gsd", "ud-french-pud")
TERMINATORS = ".!?…"
CLOSERS = "»”\"') "


def documents(folder: Path) -> list[list[str]]:
    docs: dict[str, list[str]] = {}
    with (folder / "sentences.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = row["newdoc_id"] or row["split"]
            docs.setdefault(key, []).append(row["text"].strip())
    return list(docs.values())


def simplemma_spans(text: str) -> list[tuple[int, int]]:
    from simplemma import split_sentences as simple_split

    spans, pos = [], 0
    for sentence in simple_split(text, lang="fr"):
        start = text.index(sentence, pos)
        spans.append((start, start + len(sentence)))
        pos = start + len(sentence)
    return spans


def score(
    docs: list[list[str]], splitter: Callable, show: int = 0, punctuated: bool = False
) -> tuple[float, float, float]:
    """Boundary P/R/F1; ``punctuated`` drops gold ends with no final punctuation (";", none)."""
    tp = fp = fn = 0
    shown = 0
    for sentences in docs:
        text = " ".join(sentences)
        gold, unreachable, pos = set(), set(), 0
        for sentence in sentences[:-1]:
            pos += len(sentence)
            ends = sentence.rstrip(CLOSERS)[-1:] in TERMINATORS
            (gold if ends or not punctuated else unreachable).add(pos)
            pos += 1
        predicted = {end for _, end in splitter(text)[:-1]} - unreachable
        tp += len(gold & predicted)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        for miss in sorted((predicted - gold) | (gold - predicted)):
            if shown < show:
                kind = "FP" if miss in predicted else "FN"
                print(f"  {kind}: …{text[max(0, miss - 60) : miss]}‖{text[miss : miss + 40]}…")
                shown += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def speed() -> None:
    """Wall and CPU time of ``analyse`` on 50k words (the load average says how busy we were).

    The first run includes compiling the patterns, as a one-shot ``crible split`` would.
    """
    from app.text.claims import analyse

    paragraph = (
        "Le président Nicolas Maduro a annoncé samedi que 300 t d'aide russe arriveraient, "
        "selon l'agence. « Qui dit vrai ? » s'interroge M. Dupont, qui a parlé le 23 janv. "
        "devant 1 000 personnes à 14 h 30. Les Etats-Unis ont dénoncé un régime illégitime.\n"
    )
    texts = {"dense synthetic news": paragraph}
    seed = DATA.parent / "seeds" / "venezuela-2019-fr.txt"
    if seed.exists():
        texts["seed article repeated"] = seed.read_text(encoding="utf-8") + "\n"
    for label, unit in texts.items():
        runs = []
        for run in range(3):  # best of three: the machine is shared; a new text defeats caches
            text = unit * (50_000 // len(unit.split()) + 1) + f"\nFin {run}."
            wall, cpu = time.perf_counter(), time.process_time()
            analysis = analyse(text, lang="fr")
            runs.append((time.perf_counter() - wall, time.process_time() - cpu))
        wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
        print(
            f"analyse(), {label}: {len(text.split())} words, {len(analysis.claims)} claims, "
            f"best of 3: wall {wall:.2f} s, CPU {cpu:.2f} s "
            f"(load average {os.getloadavg()[0]:.1f})"
        )


def main() -> int:
    missing = [name for name in SETS if not (DATA / name / "sentences.tsv").exists()]
    if missing:
        print(f"skipped: {', '.join(missing)} not found under {DATA}")
        return 0
    show = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    for name in SETS:
        docs = documents(DATA / name)
        for label, splitter in (("crible", split_sentences), ("simplemma", simplemma_spans)):
            p, r, f = score(docs, splitter, show if label == "crible" else 0)
            print(f"{name:15} {label:10} all boundaries        P={p:.4f} R={r:.4f} F1={f:.4f}")
            p, r, f = score(docs, splitter, punctuated=True)
            print(f"{name:15} {label:10} after . ! ? … only    P={p:.4f} R={r:.4f} F1={f:.4f}")
    speed()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
