"""The demo: earlier fact-checks and a French article, loaded into an archive on first start."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from sqlite_utils import Database

from app.interop.importer import ImportReport, import_paths
from app.storage.articles import add_article, list_articles

DEMO_ORIGIN = "demo"
# Files of earlier fact-checks in seeds/, one per shape the importer reads.
REVIEW_FILES = (
    "reviews-venezuela-fr.datafeed.json",
    "reviews-en.graph.jsonld",
    "reviews-mixed.list.json",
    "claims-extra.csv",
)
ARTICLE_FILE = "article-demo-fr.txt"
ARTICLE_META = {
    "url": "https://journal-demo.example.fr/monde/2019/02/25/venezuela-frontiere-aide",
    "outlet": "Le Journal de démonstration",
    "author": "Rédaction Crible (texte de démonstration)",
    "published": "2019-02-25",
    "lang": "fr",
}


def demo_article_path() -> Path:
    """The demo article as a file path (seeds ship inside the package, also in a wheel)."""
    with as_file(files("seeds") / ARTICLE_FILE) as path:
        return Path(path)


def demo_article() -> tuple[str, str]:
    """(title, text) of the demo article: the first line is its title."""
    content = (files("seeds") / ARTICLE_FILE).read_text(encoding="utf-8")
    title, _, body = content.partition("\n")
    return title.strip(), body.strip() + "\n"


def load_demo(db: Database) -> ImportReport:
    """Import the demo reviews and store the demo article; running it again adds nothing."""
    with as_file(files("seeds")) as folder:
        report = import_paths(db, [Path(folder) / name for name in REVIEW_FILES])
    if not any(a.origin == DEMO_ORIGIN for a in list_articles(db, limit=10_000)):
        title, text = demo_article()
        add_article(db, text=text, title=title, origin=DEMO_ORIGIN, **ARTICLE_META)
    return report
