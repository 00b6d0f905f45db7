"""From verdict to publication on the command line, with real `crible` processes on one archive.

The issue's scenario: an article is checked, its URL and outlet set, two claims worked (verdict,
review URL, headline); `crible export --format claimreview` gives two publishable ClaimReviews
and refuses, one line per claim, what is incomplete; `crible articles` lists the desk's work; a
deleted article is gone from matching and search, with a backup taken first.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.app.test_claimreview_jsonld import check_claimreview

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "seeds" / "article-demo-fr.txt"


def crible(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args, "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def ok(db: Path, *args: str) -> str:
    done = crible(db, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def checked(tmp_path):
    """The demo article stored by `crible check`: (archive, article id, its claim ids)."""
    db = tmp_path / "desk.db"
    data = json.loads(ok(db, "check", str(ARTICLE), "--json"))
    return db, data["article_id"], [claim["claim_id"] for claim in data["claims"]]


def test_the_done_when_scenario(checked):
    db, article, claims = checked
    first, second = claims[0], claims[1]
    ok(db, "article", "edit", str(article), "--url", "https://journal.example.fr/venezuela",
       "--outlet", "Le Journal", "--published", "2019-02-25", "--author", "Léa Martin")  # fmt: skip
    ok(db, "edit", str(first), "--status", "checked", "--verdict", "false",
       "--review-url", "https://desk.example.org/checks/1", "--review-headline", "Non",
       "--reviewer", "Ana Dupont", "--review-date", "2019-02-27",
       "--claimant", "Mike Pompeo")  # fmt: skip
    ok(db, "edit", str(second), "--status", "checked", "--verdict", "mostly_true",
       "--review-url", "https://desk.example.org/checks/2", "--review-headline", "Plutôt vrai",
       "--claim-reviewed", "Des camions d'aide ont été incendiés le 23 février 2019",
       "--claimant", "Ivan Duque")  # fmt: skip

    refused = crible(db, "export", str(article), "--format", "claimreview")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "organisation" in refused.stderr

    out = ok(db, "export", str(article), "--format", "claimreview", "--org-name", "Desk Vérif",
             "--org-url", "https://desk.example.org")  # fmt: skip
    reviews = json.loads(out)
    assert [r["url"] for r in reviews] == [
        "https://desk.example.org/checks/1",
        "https://desk.example.org/checks/2",
    ]
    for review in reviews:
        check_claimreview(review)  # url, appearance, claimant, integer rating, author, dates
    assert reviews[1]["claimReviewed"] == "Des camions d'aide ont été incendiés le 23 février 2019"
    assert reviews[0]["creator"]["name"] == "Ana Dupont"
    assert reviews[1]["reviewRating"]["ratingValue"] == 5
    assert reviews[0]["itemReviewed"]["appearance"][0]["url"] == (
        "https://journal.example.fr/venezuela"
    )

    ok(db, "edit", str(second), "--review-url", "")
    ok(db, "edit", str(claims[2]), "--verdict", "mixed")
    refused = crible(db, "export", str(article), "--format", "claimreview")
    assert refused.returncode == 2
    lines = refused.stderr.splitlines()
    assert lines[1:] == [
        f"crible: claim {second}: missing review URL (crible edit {second} --review-url URL)",
        f"crible: claim {claims[2]}: missing review URL (crible edit {claims[2]} --review-url URL)",
    ]
    assert "Traceback" not in refused.stderr

    listed = json.loads(ok(db, "articles", "--json"))
    assert listed == [
        {"id": article, "title": listed[0]["title"], "outlet": "Le Journal",
         "url": "https://journal.example.fr/venezuela", "published": "2019-02-25",
         "claims": len(claims), "checked": 2}
    ]  # fmt: skip
    assert listed[0]["title"].startswith("Venezuela")
    assert f"2/{len(claims)} checked" in ok(db, "articles")


def test_a_deleted_article_is_gone_from_matching_and_search(checked, tmp_path):
    db, article, claims = checked
    # Matching offers the desk's own claims once they are worked on (the trucks' claim: which
    # position it has depends on the splitter, which may keep the title and dateline).
    with closing(sqlite3.connect(db)) as conn:
        (trucks,) = conn.execute(
            "SELECT id FROM claims WHERE article_id = ? AND text LIKE ?", [article, "%camions%"]
        ).fetchone()
    ok(db, "edit", str(trucks), "--status", "checked", "--verdict", "true")
    query = "plusieurs camions chargés de vivres et de médicaments ont été incendiés"
    before = json.loads(ok(db, "match", query, "--json"))["results"]
    assert any(result["claim_id"] in claims for result in before)

    out = ok(db, "article", "delete", str(article))
    assert out.startswith(f"deleted article {article} (") and "backup: " in out
    backup = Path(out.rsplit("backup: ", 1)[1].strip())
    assert backup.is_file()

    after = json.loads(ok(db, "match", query, "--json"))["results"]
    assert not any(result["claim_id"] in claims for result in after)
    assert json.loads(ok(db, "articles", "--json")) == []
    assert "no articles yet" in ok(db, "articles")
    gone = crible(db, "article", "delete", str(article))
    assert gone.returncode == 2 and f"no article {article}" in gone.stderr
    ok(db, "restore", str(backup), "--yes")
    assert [a["id"] for a in json.loads(ok(db, "articles", "--json"))] == [article]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--url", "javascript:alert(1)"], "http(s)"),
        (["--published", "25/02/2019"], "not a date"),
        ([], "nothing to change"),
    ],
)
def test_article_edit_refuses_bad_values_in_one_line(checked, args, message):
    db, article, _ = checked
    done = crible(db, "article", "edit", str(article), *args)
    assert done.returncode == 2 and message in done.stderr and done.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--review-url", "ftp://x.example.org/a"], "http(s)"),
        (["--review-date", "demain"], "not a date"),
        (["--claim-date", "2019-02-30"], "not a date"),
    ],
)
def test_edit_refuses_bad_review_fields_in_one_line(checked, args, message):
    db, _, claims = checked
    done = crible(db, "edit", str(claims[0]), *args)
    assert done.returncode == 2 and message in done.stderr and done.stderr.count("\n") == 1
