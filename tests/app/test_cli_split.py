"""`crible split`: the JSON contract, the human report, and one-line failures with exit 2."""

from __future__ import annotations

import io
import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.cli import main

ARTICLE = (
    "Le maire de Vaudrac, Paul Mercier, a annoncé mardi que la commune avait perdu 1 200 "
    "habitants depuis 2015. « C'est une catastrophe », a déclaré l'opposant Luc Ferrand. "
    "Selon l'Insee, la population a baissé de 8 % en dix ans."
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_output_follows_the_contract(article: Path, capsys) -> None:
    assert main(["split", str(article), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["lang", "title", "text", "sentences", "claims", "not_checkworthy"]
    assert data["lang"] == "fr"
    assert data["text"] == ARTICLE
    assert len(data["sentences"]) == 3
    assert data["claims"], "a factual article has claims"
    for claim in data["claims"]:
        assert data["text"][claim["start"] : claim["end"]] == claim["text"]
        assert 0 <= claim["checkworthiness"] <= 1
        for element in claim["elements"] + claim["loaded"]:
            assert data["text"][element["start"] : element["end"]] == element["text"]
    speakers = {c["speaker"] for c in data["claims"]}
    assert {"Paul Mercier", "Luc Ferrand"} <= speakers


def test_human_output(article: Path, capsys) -> None:
    assert main(["split", str(article)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("article\nlanguage: fr · 3 sentences")  # titled by the file name
    assert "speaker: Paul Mercier" in out
    assert "a figure attributed to Paul Mercier: 1 200 habitants" in out


def test_lang_option_overrides_detection(article: Path, capsys) -> None:
    assert main(["split", str(article), "--lang", "en", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["lang"] == "en"


def test_stdin(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(ARTICLE.encode())))
    assert main(["split", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == ARTICLE


def test_unsupported_language_opens_with_a_note(tmp_path: Path, capsys) -> None:
    path = tmp_path / "de.txt"
    path.write_text(
        "Der Stadtrat hat die Bibliothek mit viel Geld gefördert. Die Arbeiten dauern "
        "sechs Monate und werden von der Stadt bezahlt.",
        encoding="utf-8",
    )
    assert main(["split", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["lang"] == "de" and data["claims"] == [] and len(data["sentences"]) == 2
    assert "not supported for claim detection" in captured.err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"  \n ", "empty"),
        ("scan.pdf", b"%PDF-1.4 ...", "PDF"),
        ("blob.txt", b"\x00\x01\x02\x03", "binary"),
    ],
)
def test_bad_files_exit_2_with_one_line(
    tmp_path: Path, capsys, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["split", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and message in captured.err
    assert "Traceback" not in captured.err


def test_huge_and_missing_files_exit_2(tmp_path: Path, capsys) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50_000_000)
    assert main(["split", str(huge)]) == 2
    assert "too large" in capsys.readouterr().err
    assert main(["split", str(tmp_path / "absent.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_bad_lang_is_a_usage_error(article: Path, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["split", str(article), "--lang", "de"])
    assert info.value.code == 2


class _NotFound(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _NotFound)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_404_exits_2(server: str, capsys) -> None:
    assert main(["split", f"{server}/article"]) == 2
    assert "HTTP 404" in capsys.readouterr().err


def test_human_report_counts_in_good_english(tmp_path: Path, capsys) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Le chômage a baissé de 3 % en 2019 selon l'Insee.", encoding="utf-8")
    assert main(["split", str(path)]) == 0
    out = capsys.readouterr().out
    assert "· 1 sentence · 1 claim\n" in out
    assert out.startswith("one\n")  # a file without headline is titled by its name
