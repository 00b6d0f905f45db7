"""Check-worthiness of app.text.checkworthy: CheckThat! 2020 task 5, 2022 1A, ClaimBuster, French.

Sets (all under ../shared/benchmarks, dev/train splits only, never sealed/):
- CheckThat! 2022 1A English: fit on train, report on dev (F1 of the check-worthy class).
- CheckThat! 2020 task 5: the 50 training debates in date order; first 40 fit, last 10 report
  (MAP over debates, the official metric; the task's n-gram baseline, 0.095, used the same
  80/20 cut of the training debates).
- ClaimBuster 2xNCS: sentences with an even hash fit, odd report (F1 of the check-worthy class).
- CheckThat! 2022 1A Spanish and Dutch: the same recipe (the rule features, words fitted on the
  language's train split), reported on dev; not shipped (Crible reads French and English).
- French: bench/data/checkworthy_fr.tsv, sentences we wrote and labelled (docs/CHECKWORTHINESS.md);
  no fitting on it. It ships with the repository, so it runs even without ../shared.

Run: .venv/bin/python bench/bench_checkworthiness.py        evaluate the shipped model
     .venv/bin/python bench/bench_checkworthiness.py --seed checks on the seed article only
     .venv/bin/python bench/bench_checkworthiness.py --fit  refit on the train splits, write
                                                            app/text/checkworthy_words.py and
                                                            print WEIGHTS
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.text import checkworthy  # noqa: E402
from app.text.claims import CLAIM_THRESHOLD, span_features  # noqa: E402
from bench import cw_fit  # noqa: E402
from bench.cw_fit import Sample, words_of  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
FRENCH = Path(__file__).resolve().parent / "data" / "checkworthy_fr.tsv"
WORDS_MODULE = ROOT / "app" / "text" / "checkworthy_words.py"
CT22 = DATA / "checkthat2022-task1a-checkworthiness" / "english"
CT20 = DATA / "checkthat2020-task5-debates-en" / "training"
CB = DATA / "claimbuster" / "kfold_20ncs.json"

Row = tuple[str, int]  # text, label
_TWEET_NOISE = re.compile(r"https?://\S+|@\w+|#")


def ct22(split: str, language: str = "english") -> list[Row]:
    path = DATA / "checkthat2022-task1a-checkworthiness" / language
    path = path / f"CT22_{language}_1A_checkworthy_{split}.tsv"
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


def featurise(rows: list[Row], lang: str = "en") -> list[Sample]:
    """Features of the shipped model, and every word (a refit picks its own vocabulary)."""
    samples = []
    for text, label in rows:
        values = span_features(text, 0, len(text), lang)[3]
        samples.append((values, words_of(text), label))
    return samples


def french() -> list[Row]:
    with FRENCH.open(encoding="utf-8") as handle:
        lines = [line.rstrip("\n").split("\t") for line in handle if line.strip()]
    return [(cols[2], int(cols[0])) for cols in lines[1:] if len(cols) >= 3]


Model = tuple[dict[str, float], dict[str, float]]  # feature weights, word weights


def model_score(sample: Sample, model: Model | None) -> float:
    """The shipped scorer (``model`` None), or a fitted one on the same features and words."""
    values, words, _ = sample
    if model is None:
        return checkworthy.score(values)
    weights, word_weights = model
    z = weights["bias"] + sum(weights.get(k, 0.0) * v for k, v in values.items() if v)
    z += sum(word_weights.get(w, 0.0) for w in words)
    return 1.0 / (1.0 + math.exp(-z))


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


def report(model: Model | None, sets: dict[str, list]) -> None:
    for name, data in sets.items():
        if name == "ct20-dev":
            aps = [average_precision([(model_score(x, model), x[2]) for x in d]) for d in data]
            print(
                f"CheckThat! 2020 task 5, last 10 training debates: MAP={sum(aps) / len(aps):.4f}"
                " (n-gram baseline 0.095)"
            )
            continue
        scored = [(model_score(x, model), x[2]) for x in data]
        ap = average_precision(scored)
        base = f1([(1.0, y) for _, y in scored], 0.5)[2]
        positives = sum(y for _, y in scored)
        print(
            f"{name} ({len(scored)} items, {positives} positive): AP={ap:.3f}; F1 if every item "
            f"is flagged: {base:.3f}"
        )
        for threshold in sorted({0.3, 0.4, 0.5, 0.6, CLAIM_THRESHOLD}):
            p, r, f = f1(scored, threshold)
            mark = "  <- shipped threshold" if threshold == CLAIM_THRESHOLD else ""
            print(f"    threshold {threshold:.2f}: P={p:.3f} R={r:.3f} F1={f:.3f}{mark}")


def write_words(word_weights: dict[str, float]) -> None:
    ranked = sorted(word_weights.items(), key=lambda item: (-abs(item[1]), item[0]))
    lines = [f"    {w!r}: {v}," for w, v in ranked]
    WORDS_MODULE.write_text(
        '"""English words the check-worthiness model weighs, fitted with WEIGHTS on the train\n'
        "splits (bench/bench_checkworthiness.py --fit). Generated: do not edit by hand.\n"
        '"""\n\nfrom __future__ import annotations\n\n'
        "WORD_WEIGHTS: dict[str, float] = {\n" + "\n".join(lines) + "\n}  # fmt: skip\n",
        encoding="utf-8",
    )


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
        "statement: Guaido's self-proclamation": (c := claim("s'est autoproclamé")) is not None
        and c.statement
        == "Juan Guaido s'est autoproclamé chef d'Etat par intérim en janvier dernier",
        "statement: Maduro's support": (c := claim("qui bénéficie du soutien")) is not None
        and c.statement == "Le président Maduro bénéficie du soutien du peuple et de l'armée",
        "statement: Pompeo's tweet without 'a tweeté'": (c := claim("a tweeté")) is not None
        and c.statement.startswith("Les Etats-Unis vont passer aux actes")
        and "tweeté" not in c.statement,
        "statement: Guaido declared himself interim president": any(
            c.statement == "Juan Guaido s'est déclaré président par intérim" for c in claims
        ),
    }
    for name, ok in checks.items():
        print(f"  seed {'PASS' if ok else 'FAIL'}: {name}")
    return all(checks.values())


def other_languages() -> None:
    """Spanish and Dutch tweets: the same recipe, fitted on each language's train split."""
    for language in ("spanish", "dutch"):
        if not (DATA / "checkthat2022-task1a-checkworthiness" / language).exists():
            continue
        train = featurise(ct22("train", language), "fr")
        model = cw_fit.fit([train], balanced=True)
        report(
            model, {f"CheckThat! 2022 1A {language} dev": featurise(ct22("dev", language), "fr")}
        )


def main() -> int:
    if "--seed" in sys.argv:
        return 0 if seed_check() else 1
    if FRENCH.exists():
        report(None, {"French news sentences (ours)": featurise(french(), "fr")})
    if not all(path.exists() for path in (CT22, CT20, CB)):
        print(f"skipped: check-worthiness sets not found under {DATA}")
        return 0
    debates = [featurise(d) for d in ct20()]
    fit_sets = [
        featurise(ct22("train")),
        [x for d in debates[:40] for x in d],
        featurise(claimbuster(0)),
    ]
    dev_sets = {
        "CheckThat! 2022 1A EN dev": featurise(ct22("dev")),
        "ct20-dev": debates[40:],
        "ClaimBuster 2xNCS, odd half": featurise(claimbuster(1)),
    }
    model: Model | None = None
    if "--fit" in sys.argv:
        model = cw_fit.fit(fit_sets, balanced=True)
        print("fitted WEIGHTS =", model[0])
        print(f"{len(model[1])} word weights written to {WORDS_MODULE}")
        write_words(model[1])
    report(model, dev_sets)
    if "--other" in sys.argv:
        other_languages()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
