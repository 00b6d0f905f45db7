"""`crible search`: key from the keyring, results printed or imported; errors in one line."""

from __future__ import annotations

import json

import pytest

from app import secrets
from app.cli import main
from app.interop import factcheck_api
from app.storage import open_archive
from app.storage.reviews import count_reviews
from tests.fakes.http_server import Reply

KEY = "AIzaSy-cli-search-key"
RESPONSE = {
    "claims": [
        {
            "text": "La France a importé 300 tonnes de bœuf ukrainien.",
            "claimant": "Un député",
            "claimDate": "2024-01-15T00:00:00Z",
            "claimReview": [
                {
                    "publisher": {"name": "AFP Factuel", "site": "factuel.afp.com"},
                    "url": "https://factuel.afp.com/doc.afp.com.ABC123",
                    "title": "Non, la France n'a pas importé 300 tonnes de bœuf",
                    "reviewDate": "2024-01-17T10:00:00Z",
                    "textualRating": "Faux",
                    "languageCode": "fr",
                }
            ],
        }
    ],
    "nextPageToken": "CAo",
}


@pytest.fixture
def google(fake_server, monkeypatch):
    monkeypatch.setattr(factcheck_api, "DEFAULT_BASE_URL", fake_server.url)
    return fake_server


def test_search_prints_json_with_the_stored_key(memory_keyring, google, db_path, capsys):
    secrets.set_secret(secrets.GOOGLE_FACTCHECK_API_KEY, KEY)
    google.add("GET", factcheck_api.SEARCH_PATH, Reply(json=RESPONSE))
    assert main(["search", "bœuf ukrainien", "--lang", "fr", "--json", "--db", str(db_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == "bœuf ukrainien" and data["next_page_token"] == "CAo"
    review = data["results"][0]["reviews"][0]
    assert review["publisher_name"] == "AFP Factuel" and review["textual_rating"] == "Faux"
    assert "import" not in data
    request = google.requests[0]
    assert request.headers["x-goog-api-key"] == KEY
    assert request.query["languageCode"] == ["fr"]


def test_search_text_output_and_import(memory_keyring, google, db_path, capsys):
    secrets.set_secret(secrets.GOOGLE_FACTCHECK_API_KEY, KEY)
    google.add("GET", factcheck_api.SEARCH_PATH, Reply(json=RESPONSE))
    assert main(["search", "bœuf", "--import", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "1. La France a importé 300 tonnes de bœuf ukrainien." in out
    assert "- AFP Factuel: Faux (2024-01-17) https://factuel.afp.com/" in out
    assert "--page-token CAo" in out and "imported 1, skipped 0" in out
    db = open_archive(db_path)
    assert count_reviews(db) == 1
    db.close()
    assert main(["search", "bœuf", "--import", "--json", "--db", str(db_path)]) == 0
    assert json.loads(capsys.readouterr().out)["import"]["imported"] == 0


def test_search_without_a_stored_key(memory_keyring, google, capsys):
    assert main(["search", "x"]) == 2
    assert "crible secrets set google_factcheck_api_key" in capsys.readouterr().err
    assert google.requests == []


def test_search_without_keyring_says_so(no_keyring, google, capsys):
    assert main(["search", "x"]) == 2
    err = capsys.readouterr().err
    assert "No usable system keyring" in err and err.count("\n") == 1


def test_search_bad_key_is_one_line(memory_keyring, google, capsys):
    secrets.set_secret(secrets.GOOGLE_FACTCHECK_API_KEY, KEY)
    error = {"code": 400, "message": "API key not valid.", "status": "INVALID_ARGUMENT"}
    google.add("GET", factcheck_api.SEARCH_PATH, Reply(status=400, json={"error": error}))
    assert main(["search", "x"]) == 2
    err = capsys.readouterr().err
    assert (
        err == "crible: The Google Fact Check Tools API key is not valid: check it in Settings.\n"
    )


def test_the_key_never_reaches_the_archive_file(memory_keyring, google, db_path, capsys):
    secrets.set_secret(secrets.GOOGLE_FACTCHECK_API_KEY, KEY)
    google.add("GET", factcheck_api.SEARCH_PATH, Reply(json=RESPONSE))
    assert main(["search", "bœuf", "--import", "--json", "--db", str(db_path)]) == 0
    assert KEY not in capsys.readouterr().out
    files = [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]
    assert files and all(KEY.encode() not in p.read_bytes() for p in files)
