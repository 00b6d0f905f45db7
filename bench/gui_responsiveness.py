"""GUI thread budget: how long one undoable edit takes, and how long the GUI thread stalls
while the window matches an article against a large archive.

    .venv/bin/python bench/gui_responsiveness.py [--claims 20000]

Builds a synthetic archive in a temporary folder (no shared data needed), runs offscreen.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from app.storage import open_archive  # noqa: E402
from app.storage.claims import insert_claim_row, save_article_with_claims  # noqa: E402
from ui.app import create_application  # noqa: E402
from ui.database import ArchiveSession  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.operations import EditClaim  # noqa: E402

WORDS = [
    "gouvernement",
    "aide",
    "humanitaire",
    "Venezuela",
    "tonnes",
    "chômage",
    "baisse",
    "hausse",
    "ministre",
    "président",
    "frontière",
    "Colombie",
    "armée",
    "pétrole",
    "inflation",
    "élection",
    "vaccin",
    "hôpital",
    "école",
    "impôts",
]
ARTICLE = (
    "Le gouvernement a annoncé 300 tonnes d'aide humanitaire pour le Venezuela en 2019. "
    "Selon le ministre, le chômage a baissé de 12 % en un an. "
    "Le président promet une hausse de 5 % des salaires des hôpitaux en 2024. "
    "L'armée a fermé trois ponts à la frontière avec la Colombie samedi."
)


class Span:
    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.checkworthiness, self.reasons, self.speaker = 0.6, ("number",), None


def build(path: Path, size: int) -> None:
    db = open_archive(path)
    rng = random.Random(7)
    with db.atomic():
        for _ in range(size):
            words = " ".join(rng.choice(WORDS) for _ in range(12))
            text = f"{words} {rng.randint(1, 999)} tonnes en {rng.randint(1990, 2024)}."
            insert_claim_row(db, text=text, lang="fr", origin="import")
    spans, start = [], 0
    for sentence in ARTICLE.split(". "):
        sentence = sentence.rstrip(".") + "."
        spans.append(Span(sentence, start, start + len(sentence)))
        start += len(sentence) + 1
    save_article_with_claims(db, text=ARTICLE, title="Bench", claims=spans, lang="fr")
    db.close()


def wait(signal) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=20000)
    args = parser.parse_args()
    create_application([sys.argv[0]])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "archive.db"
        build(path, args.claims)
        session = ArchiveSession(path)
        window = MainWindow(session, restore=False)
        window.show()
        window.open_article(1)
        wait(window.matches_ready)

        claim_id = window.claims[0].id
        timings = []
        for status in ("in_progress", "checked", "to_check") * 20:
            started = time.perf_counter()
            session.push(EditClaim(session, claim_id, {"status": status}))
            timings.append((time.perf_counter() - started) * 1000)

        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start()
        started = time.perf_counter()
        window.presenter.rematch()
        wait(window.matches_ready)
        elapsed = time.perf_counter() - started
        timer.stop()
        gaps = sorted(b - a for a, b in zip([started, *ticks], ticks, strict=False))
        session.close()
    print(f"archive: {args.claims} earlier claims, article of {len(window.claims)} claims")
    print(
        f"edit (EditClaim, GUI thread): median {statistics.median(timings):.2f} ms, "
        f"max {max(timings):.2f} ms over {len(timings)} edits"
    )
    print(
        f"matching the article in a worker: {elapsed:.2f} s; GUI timer (10 ms) ticked "
        f"{len(ticks)} times, median gap {statistics.median(gaps) * 1000:.0f} ms, "
        f"max gap {gaps[-1] * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
