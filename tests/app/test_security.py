"""Security review, backed by tests: active content, links, SQL/FTS, secrets on disk.

(Backups before a migration: tests/app/test_backup.py::test_migration_backup_lands_in_rotation.)
"""

from __future__ import annotations

import ast
import json
import logging
import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli import main
from app.net import is_web_url
from app.storage import open_archive
from app.storage.search import fts_or_query, ranked_ids
from tests.fakes.http_server import Reply

APP = Path(__file__).resolve().parents[2] / "app"
EVIL = (
    '<script>alert("x")</script><img src=x onerror="alert(1)"><a href="javascript:alert(2)">a</a>'
)


# --- links --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "web"),
    [
        ("https://example.org/a", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("  https://example.org/x  ", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("ftp://example.org/", False),
        ("//example.org/a", False),
        ("https:///nohost", False),
        ("http://[::1", False),
        ("", False),
    ],
)
def test_only_http_links_are_web_links(url, web):
    assert is_web_url(url) is web


# --- SQL and FTS --------------------------------------------------------------------------

# Names that SQL f-strings in app/storage may interpolate: placeholders, whitelisted column
# lists, constant table names. Anything else would be data spliced into SQL.
_SQL_SAFE_NAMES = {
    "marks", "columns", "assignments", "table", "FTS_TABLE", "_NOW", "_REVIEW_COLUMNS",
    "name", "_MAX_PROBLEMS", "BUSY_TIMEOUT_MS", "statuses", "stances", "kinds", "where",
    "order", "select", "_SELECT", "sql", "column", "placeholders", "', '.join('?' * 15)",
    "incarnation",
    # Team sync: capture triggers and look-ups generated from app/sync/tables.py's declared
    # table and column names, and constant SQL fragments (app/storage/sync_*.py).
    "t", "table.name", "NOW_HLC_SQL", "_TICK", "_NOT_APPLYING", "state", "base", "changed",
    "unchanged_paths", "gid_sql(table)", "gid_sql(table, t)", "fields_json_sql(table)",
    "fields_json_sql(table, t)",
}  # fmt: skip
_SQL_WORDS = ("SELECT ", "INSERT ", "UPDATE ", "DELETE ", "PRAGMA ", "CREATE ", "DROP ")


def _sql_fstrings(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        literal = "".join(
            part.value if isinstance(part, ast.Constant) else "{}" for part in node.values
        )
        if literal.lstrip().upper().startswith(_SQL_WORDS):
            yield node


def test_sql_fstrings_only_interpolate_names_never_data():
    offenders = []
    for path in sorted((APP / "storage").rglob("*.py")):
        for node in _sql_fstrings(path):
            for part in node.values:
                if isinstance(part, ast.FormattedValue):
                    source = ast.unparse(part.value)
                    if source not in _SQL_SAFE_NAMES:
                        offenders.append(f"{path.name}:{node.lineno}: {{{source}}}")
    assert offenders == []


def test_no_sql_outside_storage():
    offenders = []
    for path in sorted(APP.rglob("*.py")):
        if "storage" in path.relative_to(APP).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in (
                "execute",
                "executemany",
                "executescript",
            ):
                offenders.append(f"{path.relative_to(APP)}:{node.lineno}")
    assert offenders == []


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.text(max_size=12), max_size=8))
def test_fts_query_of_any_terms_is_safe(terms):
    query = fts_or_query(terms)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a)")
    conn.execute("INSERT INTO t VALUES ('hello world')")
    rows = conn.execute("SELECT rowid FROM t WHERE t MATCH ?", [query]).fetchall() if query else []
    conn.close()
    # Terms are literals OR-ed together: a term that is one of the row's words finds it,
    # whatever operators or quotes the other terms hold (and nothing raises).
    assert rows in ([], [(1,)])
    if {term.strip().casefold() for term in terms} & {"hello", "world"}:
        assert rows == [(1,)]


def test_hostile_terms_reach_fts_as_literals(db):
    from app.storage.claims import add_claim

    add_claim(db, text="claims DROP TABLE claims", lang="en")
    hostile = ['"', "*", "NEAR(a b)", "claims_fts:x", "'); DROP TABLE claims; --", "AND", "-"]
    assert ranked_ids(db, hostile, 10) == []
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
    assert [i for i, _ in ranked_ids(db, ["drop"], 10)] == [1]


# --- reports never carry active content ---------------------------------------------------


class _Active(HTMLParser):
    """Collects what a browser would run or follow: scripts, on* handlers, non-web links."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            linked = name in ("href", "src", "action") and value and not value.startswith("#")
            if linked and not is_web_url(value):
                self.found.append(f"{tag} {name}={value}")


def _evil_article(archive: Path) -> int:
    from app.storage.articles import add_article
    from app.storage.claims import add_claim, update_claim
    from app.storage.links import set_claim_link
    from app.storage.sources import add_source

    db = open_archive(archive)
    article = add_article(db, text=f"Le texte {EVIL} fin.", title=f"Titre {EVIL}", lang="fr")
    claim = add_claim(db, text=f"Affirmation {EVIL}", article_id=article.id, start=0, end=5)
    update_claim(db, claim.id, notes=EVIL, verdict_text=EVIL, claimant=EVIL)
    add_source(
        db,
        claim.id,
        url='https://e.org/"><script>alert(3)</script>',
        title=EVIL,
        excerpt=EVIL,
        note=EVIL,
        publisher=EVIL,
    )
    earlier = add_claim(db, text=f"Ancienne {EVIL}", origin="archive")
    with db.atomic():
        db.execute(
            "INSERT INTO reviews(claim_id, dedup_key, publisher, url, textual_rating, headline)"
            " VALUES (?, 'k', ?, 'javascript:alert(4)', ?, ?)",
            [earlier.id, EVIL, EVIL, EVIL],
        )
    set_claim_link(db, claim.id, earlier.id, "same")
    db.close()
    return article.id


def test_html_report_escapes_everything(tmp_path, capsys):
    archive = tmp_path / "a.db"
    article_id = _evil_article(archive)
    out = tmp_path / "report.html"
    assert (
        main(["export", str(article_id), "--format", "html", "-o", str(out), "--db", str(archive)])
        == 0
    )
    page = out.read_text(encoding="utf-8")
    parser = _Active()
    parser.feed(page)
    assert parser.found == []
    assert "alert(4)" not in page or "javascript:alert(4)" not in _hrefs(page)


def _hrefs(page: str) -> str:
    parser = _Active()
    parser.feed(page)
    return " ".join(parser.found)


def test_markdown_report_links_only_web_urls(tmp_path):
    archive = tmp_path / "a.db"
    article_id = _evil_article(archive)
    out = tmp_path / "report.md"
    assert (
        main(
            [
                "export",
                str(article_id),
                "--format",
                "markdown",
                "-o",
                str(out),
                "--db",
                str(archive),
            ]
        )
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert "](javascript:" not in text and "](file:" not in text
    assert "<script>" not in text


def test_importing_html_fetches_nothing(fake_server, tmp_path, capsys):
    """Scripts, images, styles and frames in an imported page are never loaded or run."""
    base = fake_server.url
    page = tmp_path / "page.html"
    review = {"@type": "ClaimReview", "claimReviewed": "Une affirmation", "url": "https://a.fr/1"}
    page.write_text(
        f'<html><head><script src="{base}/s.js"></script>'
        f'<link rel="stylesheet" href="{base}/c.css"></head>'
        f'<body><img src="{base}/i.png"><iframe src="{base}/f"></iframe>'
        f'<script type="application/ld+json">{json.dumps(review)}</script>'
        f"<script>fetch('{base}/x')</script></body></html>"
    )
    assert main(["import", str(page), "--db", str(tmp_path / "a.db")]) == 0
    assert main(["split", str(page), "--db", str(tmp_path / "a.db")]) in (0, 2)
    capsys.readouterr()
    assert fake_server.requests == []


# --- secrets never reach disk -------------------------------------------------------------

SECRET = "AIzaSy-SECRET-d0-not-leak-4242"


def _files_holding(root: Path, needle: str) -> list[str]:
    forms = [needle.encode("utf-8"), needle.encode("utf-16-le"), needle[::-1].encode("utf-8")]
    hits = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(form in data for form in forms):
                hits.append(str(path.relative_to(root)))
    return hits


def test_secret_never_reaches_disk_logs_or_output(
    memory_keyring, fake_server, tmp_path, monkeypatch, capsys
):
    from app import secrets
    from app.interop import factcheck_api

    home = tmp_path / "home"
    for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    log_file = tmp_path / "crible.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    root_logger = logging.getLogger()
    old_level = root_logger.level
    root_logger.addHandler(handler)
    root_logger.setLevel(logging.DEBUG)
    try:
        _exercise_with_secret(tmp_path, fake_server, monkeypatch, capsys, secrets, factcheck_api)
    finally:
        root_logger.removeHandler(handler)
        root_logger.setLevel(old_level)
        handler.close()
    assert memory_keyring.get_password(secrets.SERVICE, secrets.GOOGLE_FACTCHECK_API_KEY) == SECRET
    assert _files_holding(tmp_path, SECRET) == []


def _exercise_with_secret(tmp_path, fake_server, monkeypatch, capsys, secrets, factcheck_api):
    archive = tmp_path / "data" / "archive.db"
    monkeypatch.setenv("CRIBLE_DB", str(archive))
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(SECRET + "\n"))
    assert main(["secrets", "set", secrets.GOOGLE_FACTCHECK_API_KEY]) == 0
    monkeypatch.setattr(factcheck_api, "DEFAULT_BASE_URL", fake_server.url)
    found = {
        "claims": [
            {
                "text": "Le Venezuela a reçu 300 tonnes d'aide",
                "claimReview": [
                    {
                        "publisher": {"name": "AFP"},
                        "url": "https://afp.com/1",
                        "textualRating": "Faux",
                        "languageCode": "fr",
                    }
                ],
            }
        ]
    }
    echo = {"error": {"code": 400, "message": f"API key not valid: {SECRET}"}}
    fake_server.add(
        "GET", factcheck_api.SEARCH_PATH, Reply(json=found), Reply(status=400, json=echo)
    )
    assert main(["search", "aide Venezuela", "--import", "--json"]) == 0
    assert main(["search", "aide Venezuela"]) == 2
    assert main(["secrets", "status", "--json"]) == 0
    assert main(["match", "aide au Venezuela", "--json"]) == 0
    assert main(["backup"]) == 0
    assert main(["archive", "info"]) == 0
    out, err = capsys.readouterr()
    assert SECRET not in out and SECRET not in err
    assert fake_server.requests[0].headers.get("x-goog-api-key") == SECRET
    assert SECRET not in repr(secrets.backend_status())
