"""Archive sharing at scale and report speed, on synthetic data (no shared data needed).

1. Builds an archive of N imported reviews, runs ``crible export --archive`` (streamed
   DataFeed), imports the feed into an empty archive, exports that again and checks that
   both feeds hold the same reviews. Prints the wall time and the export's peak memory.
2. Times the four check reports for an article of 300 claims with 3 sources each.

Run: .venv/bin/python bench/bench_export.py [N]   (default N = 20000)
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.interop import reports  # noqa: E402
from app.interop.records import ReviewRecord  # noqa: E402
from app.storage import open_archive  # noqa: E402
from app.storage.articles import add_article  # noqa: E402
from app.storage.claims import add_claim, update_claim  # noqa: E402
from app.storage.reviews import add_archive_reviews  # noqa: E402
from app.storage.scales import default_scale  # noqa: E402
from app.storage.sources import add_source  # noqa: E402

WORDS = [
    "chômage",
    "inflation",
    "dette",
    "impôts",
    "retraites",
    "bœuf",
    "Ukraine",
    "France",
    "vaccin",
    "élection",
    "migrants",
    "climat",
    "hôpital",
    "école",
    "salaire",
]


def build_archive(path: Path, count: int) -> None:
    rng = random.Random(1)
    db = open_archive(path)
    batch: list[ReviewRecord] = []
    for i in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(12)) + f" n°{i}"
        batch.append(
            ReviewRecord(
                claim_text=text,
                review_url=f"https://fc.example.org/{i}",
                publisher="Vérif",
                textual_rating=rng.choice(["Faux", "Vrai", "Trompeur"]),
                date_published="2024-01-01",
                lang="fr",
            )
        )
        if len(batch) == 10_000:
            add_archive_reviews(db, batch)
            batch = []
    if batch:
        add_archive_reviews(db, batch)
    db.close()


# Runs the CLI, then reports its own peak RSS: a forked child's ru_maxrss would count the
# parent's memory copied before exec.
_CHILD = (
    "import resource, sys\n"
    "from app.cli import main\n"
    "try:\n"
    "    code = main(sys.argv[1:])\n"
    "finally:\n"
    "    sys.stderr.write(f'{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')\n"
    "sys.exit(code)\n"
)


def crible(*args: str) -> tuple[float, int]:
    """Run the CLI in a child process: (wall seconds, the child's peak RSS in MB)."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *args],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wall = time.perf_counter() - start
    return wall, int(done.stderr.strip().splitlines()[-1]) // 1024


def feed_reviews(path: Path) -> set[tuple]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        (item["claimReviewed"], item.get("url"), item["reviewRating"].get("alternateName"))
        for element in data["dataFeedElement"]
        for item in element["item"]
    }


def bench_feed(folder: Path, count: int) -> None:
    first, second = folder / "a.db", folder / "b.db"
    start = time.perf_counter()
    build_archive(first, count)
    print(f"built {count} reviews in {time.perf_counter() - start:.1f} s")
    wall, peak = crible("export", "--archive", "-o", str(folder / "a.json"), "--db", str(first))
    size = (folder / "a.json").stat().st_size / 1e6
    print(f"export --archive: {wall:.1f} s, peak RSS {peak} MB, feed {size:.1f} MB")
    wall, peak = crible("import", str(folder / "a.json"), "--db", str(second))
    print(f"import into an empty archive: {wall:.1f} s, peak RSS {peak} MB")
    crible("export", "--archive", "-o", str(folder / "b.json"), "--db", str(second))
    same = feed_reviews(folder / "a.json") == feed_reviews(folder / "b.json")
    print(f"round trip: same reviews = {same}")


def bench_reports(folder: Path, claims: int = 300) -> None:
    db = open_archive(folder / "report.db")
    sentence = "Le chômage a baissé de 2 % en 2025 selon le ministre. "
    article = add_article(db, text=sentence * claims, title="Bench", lang="fr")
    level = default_scale(db).levels[0].id
    for i in range(claims):
        start = i * len(sentence)
        claim = add_claim(
            db,
            text=sentence.strip(),
            article_id=article.id,
            start=start,
            end=start + len(sentence) - 1,
            position=i,
        )
        update_claim(db, claim.id, status="checked", verdict_level_id=level, notes="note " * 20)
        for j in range(3):
            add_source(db, claim.id, url=f"https://s{j}.example.org/{i}", excerpt="extrait " * 10)
    for name in ("render_json", "render_markdown", "render_csv", "render_html"):
        start = time.perf_counter()
        getattr(reports, name)(db, article.id)
        print(f"{name}, {claims} claims × 3 sources: {(time.perf_counter() - start) * 1000:.0f} ms")
    db.close()


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        bench_feed(Path(tmp), count)
        bench_reports(Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
