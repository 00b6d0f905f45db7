"""Check-worthiness of app.text.checkworthy on English train/dev splits: F1 and MAP.

Sets (all under ../shared/benchmarks, dev/train splits only, never sealed/):
- CheckThat! 2022 1A English: fit on train, report on dev (F1 of the check-worthy class).
- CheckThat! 2020 task 5: the 50 training debates in date order; first 40 fit, last 10 report
  (MAP over debates, the official metric).
- ClaimBuster 2xNCS: sentences with an even hash fit, odd report (F1 of the check-worthy class).

Run: .venv/bin/python bench/bench_checkworthiness.py        evaluate the shipped WEIGHTS
     .venv/bin/python bench/bench_checkworthiness.py --seed checks on the seed article only
     .venv/bin/python bench/bench_checkworthiness.py --fit  refit the dozen weights on the
                                                            fit halves and print them
"""

from __future__ import annotations

import csv
import json
import re
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.text import checkworthy  # noqa: E402
from app.text.claims import CLAIM_THRESHOLD, span_features  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
CT22 = DATA / "checkthat2022-task1a-checkworthiness" / "english"
CT20 = DATA / "checkthat2020-task5-debates-en" / "training"
CB = DATA / "claimbuster" / "kfold_20ncs.json"

Row = tuple[str, int]  # text, label
_TWEET_NOISE = re.compile(r"https?://\S+|@\w+|#")


def ct22(split: str) -> list[Row]:
    path = CT22 / f"CT22_english_1A_checkworthy_{split}.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        # Links and handles are tweet furniture, not claim content.
        return [(_TWEET_NOISE.sub(" ", r["tweet_text"]), int(r["class_label"])) for r in rows]


def ct20() -> list[list[Row]]:
    debates = []
    for path in sorted(CT20.glob("*.tsv")):
        with path.open(encoding="utf-8") as handle:
            lines = [line.rstrip("\n").split("\t") for line in handle if line.strip()]
        debates.append([(cols[2], int(cols[3])) for cols in lines if len(cols) >= 4])
    return debates


def claimbuster(half: int) -> list[Row]:
    rows = json.loads(CB.read_text(encoding="utf-8"))
    return [
        (r["text"], int(r["label"]))
        for r in rows
        if zlib.crc32(str(r["sentence_id"]).encode()) % 2 == half
    ]


def featurise(rows: list[Row]) -> list[tuple[dict[str, float], int]]:
    return [(span_features(text, 0, len(text), "en")[3], label) for text, label in rows]


def f1(scored: list[tuple[float, int]], threshold: float) -> tuple[float, float, float]:
    tp = sum(1 for s, y in scored if s >= threshold and y)
    fp = sum(1 for s, y in scored if s >= threshold and not y)
    fn = sum(1 for s, y in scored if s < threshold and y)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def average_precision(scored: list[tuple[float, int]]) -> float:
    ranked = sorted(scored, key=lambda item: -item[0])
    hits, total = 0, 0.0
    for rank, (_, label) in enumerate(ranked, 1):
        if label:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def objective(weights: dict[str, float], groups: list[list]) -> float:
    """Mean average precision over the fit sets (a debate set counts its debates apart)."""
    total = 0.0
    for group in groups:
        debates = group if isinstance(group[0], list) else [group]
        aps = [
            average_precision([(checkworthy.score(v, weights), y) for v, y in d]) for d in debates
        ]
        total += sum(aps) / len(aps)
    return total / len(groups)


def fit(groups: list[list], passes: int = 3) -> dict[str, float]:
    """Coordinate ascent from the shipped weights, in steps of 0.2: few weights, no big model."""
    weights = dict(checkworthy.WEIGHTS)
    best = objective(weights, groups)
    for _ in range(passes):
        for name in [n for n in weights if n != "bias"]:
            for delta in (0.4, 0.2, -0.2, -0.4):
                trial = {**weights, name: round(weights[name] + delta, 1)}
                value = objective(trial, groups)
                if value > best + 1e-4:
                    weights, best = trial, value
        print(f"  pass: mean AP on fit sets {best:.4f}")
    return weights


def report(weights: dict[str, float], sets: dict[str, list]) -> None:
    for name, data in sets.items():
        if name == "ct20-dev":
            aps = [
                average_precision([(checkworthy.score(v, weights), y) for v, y in debate])
                for debate in data
            ]
            print(
                f"CheckThat! 2020 task 5, last 10 training debates: MAP={sum(aps) / len(aps):.4f}"
            )
            continue
        scored = [(checkworthy.score(v, weights), y) for v, y in data]
        ap = average_precision(scored)
        base = f1([(1.0, y) for _, y in scored], 0.5)[2]
        print(f"{name}: AP={ap:.3f}; F1 if every item is flagged: {base:.3f}")
        for threshold in sorted({0.3, 0.4, 0.5, 0.6, CLAIM_THRESHOLD}):
            p, r, f = f1(scored, threshold)
            mark = "  <- shipped threshold" if threshold == CLAIM_THRESHOLD else ""
            print(f"    threshold {threshold:.2f}: P={p:.3f} R={r:.3f} F1={f:.3f}{mark}")


SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "venezuela-2019-fr.txt"


def seed_check() -> bool:
    """The claims a French fact-checker lists on the seed article, speakers and loaded words."""
    from app.text.claims import analyse

    if not SEED.exists():
        print(f"skipped: {SEED} not found")
        return True
    text = SEED.read_text(encoding="utf-8")
    claims = analyse(text).claims

    def claim(fragment: str):
        found = [c for c in claims if fragment in c.text]
        return min(found, key=lambda c: len(c.text)) if found else None

    def loaded_of(fragment: str) -> set[str]:
        found = claim(fragment)
        return {e.text for e in found.loaded} if found else set()

    checks = {
        "300 t of Russian aid, said by Maduro": (c := claim("300 t")) is not None
        and any(e.text == "300 t" for e in c.elements)
        and "Maduro" in (c.speaker or ""),
        "break with Colombia, by Nicolas Maduro": (c := claim("rompre les liens")) is not None
        and c.speaker == "Nicolas Maduro",
        "24-hour order": (c := claim("sous 24 heures")) is not None
        and any(e.text == "24 heures" for e in c.elements),
        "Guaido's self-proclamation clause": claim("s'est autoproclamé") is not None
        and claim("s'est autoproclamé").text
        == "qui s'est autoproclamé chef d'Etat par intérim en janvier dernier",
        "23 January": (c := claim("23 janvier")) is not None
        and any(e.kind == "date" and e.text == "23 janvier" for e in c.elements),
        "Pompeo's tweet": (c := claim("a tweeté")) is not None and c.speaker == "Mike Pompeo",
        "'brutes', by Pompeo": (c := claim("brutes")) is not None and c.speaker == "Mike Pompeo",
        "clashes with several wounded": claim("plusieurs blessés") is not None,
        "thousands marching in Caracas": claim("des milliers de Vénézuéliens") is not None,
        "loaded: président légitime": "président légitime" in loaded_of("président légitime"),
        "loaded: fasciste": "gouvernement fasciste" in loaded_of("fasciste"),
        "loaded: brutes": "brutes" in loaded_of("brutes"),
        "offsets exact": all(
            text[x.start : x.end] == x.text for c in claims for x in [c, *c.elements, *c.loaded]
        ),
        "byline is no claim": claim("L. M./Agences") is None,
    }
    for name, ok in checks.items():
        print(f"  seed {'PASS' if ok else 'FAIL'}: {name}")
    return all(checks.values())


def main() -> int:
    if "--seed" in sys.argv:
        return 0 if seed_check() else 1
    if not all(path.exists() for path in (CT22, CT20, CB)):
        print(f"skipped: check-worthiness sets not found under {DATA}")
        return 0
    debates = [featurise(d) for d in ct20()]
    fit_sets = [featurise(ct22("train")), debates[:40], featurise(claimbuster(0))]
    dev_sets = {
        "CheckThat! 2022 1A EN dev": featurise(ct22("dev")),
        "ct20-dev": debates[40:],
        "ClaimBuster 2xNCS, odd half": featurise(claimbuster(1)),
    }
    weights = checkworthy.WEIGHTS
    if "--fit" in sys.argv:
        weights = fit(fit_sets)
        print("fitted WEIGHTS =", weights)
    report(weights, dev_sets)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
