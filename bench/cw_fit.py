"""Fit the check-worthiness model: a logistic regression over the readable features and words.

Used by ``bench_checkworthiness.py --fit``. Plain numpy (full-batch Adam on the log loss with
an L2 penalty): each fit set counts equally whatever its size, so the 34,000 debate lines do
not drown the 2,000 tweets. Only the train splits go in.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

Sample = tuple[dict[str, float], list[str], int]  # features, words, label
_WORD = re.compile(r"[a-z][a-z'-]+")
MIN_DF = 5


def words_of(text: str) -> list[str]:
    return sorted(set(_WORD.findall(text.lower())))


def fit(
    sets: list[list[Sample]],
    l2: float = 1e-3,
    keep_words: int = 300,
    steps: int = 600,
    balanced: bool = False,
) -> tuple[dict[str, float], dict[str, float]]:
    """(feature weights incl. "bias", word weights): fitted, then refitted on the kept words.

    ``balanced``: within each set, the check-worthy items weigh as much as the others (the
    debates have 1% of them, the tweets 21%).
    """
    _, word_weights = _fit(sets, l2, None, steps, balanced)
    ranked = sorted(word_weights, key=lambda w: -abs(word_weights[w]))
    vocabulary = set(ranked[:keep_words])
    return _fit(sets, l2, vocabulary, steps, balanced)


def _set_weights(group: list[Sample], balanced: bool) -> np.ndarray:
    labels = np.array([label for _, _, label in group], dtype=float)
    if not balanced or labels.sum() in (0, len(labels)):
        return np.full(len(group), 1.0 / len(group))
    return np.where(labels > 0, 0.5 / labels.sum(), 0.5 / (len(labels) - labels.sum()))


def _fit(
    sets: list[list[Sample]], l2: float, vocabulary: set[str] | None, steps: int, balanced: bool
) -> tuple[dict[str, float], dict[str, float]]:
    samples = [s for group in sets for s in group]
    sample_weight = np.concatenate([_set_weights(g, balanced) for g in sets])
    sample_weight *= len(samples) / sample_weight.sum()
    names = sorted({k for f, _, _ in samples for k in f if not k.startswith("w:")})
    if vocabulary is None:
        df = Counter(w for _, words, _ in samples for w in words)
        vocabulary = {w for w, n in df.items() if n >= MIN_DF}
    vocab = sorted(vocabulary)
    index = {w: i for i, w in enumerate(vocab)}
    dense = np.array([[f.get(n, 0.0) for n in names] for f, _, _ in samples])
    rows, cols = [], []
    for r, (_, words, _) in enumerate(samples):
        for w in words:
            if w in index:
                rows.append(r)
                cols.append(index[w])
    row_idx, col_idx = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
    y = np.array([label for _, _, label in samples], dtype=float)
    w_dense, w_words, bias = np.zeros(len(names)), np.zeros(len(vocab)), 0.0
    params = [w_dense, w_words, np.array([bias])]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    n = len(samples)
    for step in range(1, steps + 1):
        z = dense @ params[0] + params[2][0]
        z += np.bincount(row_idx, weights=params[1][col_idx], minlength=n)
        err = (1 / (1 + np.exp(-z)) - y) * sample_weight / n
        grads = [
            dense.T @ err + l2 * params[0],
            np.bincount(col_idx, weights=err[row_idx], minlength=len(vocab)) + l2 * params[1],
            np.array([err.sum()]),
        ]
        for p, g, (m, v) in zip(params, grads, moments, strict=True):
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            p -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    fitted = dict(zip(names, (float(w) for w in params[0]), strict=True))
    # Every fit sample is English: bias and "english" only count as their sum. French has no
    # word weights, so it gets the bias an English sentence has on average once its words
    # are summed (the mean word contribution folded in), and "english" takes it back out.
    mean_words = float(np.bincount(row_idx, weights=params[1][col_idx], minlength=n).mean())
    total = float(params[2][0]) + fitted.pop("english", 0.0)
    weights = {"bias": round(total + mean_words, 2), "english": round(-mean_words, 2)}
    weights |= {name: round(w, 2) for name, w in fitted.items()}
    word_weights = {
        w: round(float(v), 2) for w, v in zip(vocab, params[1], strict=True) if round(v, 2)
    }
    return weights, word_weights
