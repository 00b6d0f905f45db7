"""app.intake: text, files, web pages and stdin become an ArticleDraft, or one clear UserError."""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest

from app import intake
from app.errors import UserError
from app.intake import from_file, from_text, from_url, load
from app.text.language import detect_language

FR_BODY = (
    "Le conseil municipal de Montbrison a voté jeudi une subvention de 40 000 euros pour "
    "la rénovation de la médiathèque, selon le maire. Les travaux dureront six mois et "
    "commenceront en mars, a précisé l'adjointe à la culture devant une salle comble.\n"
    "L'opposition dénonce une dépense excessive et affirme que le budget des écoles a baissé "
    "de 12 % depuis 2020. Le maire a répondu que les chiffres de l'opposition sont faux et "
    "que les crédits ont été maintenus dans le dernier budget voté par la majorité."
)
EN_BODY = (
    "The city council voted on Thursday to spend 40,000 dollars on the library, the mayor said. "
    "The works will last six months and start in March, according to the deputy mayor."
)
HTML_PAGE = f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Médiathèque : 40 000 euros votés | Le Petit Forézien</title>
<meta property="og:title" content="Médiathèque : 40 000 euros votés">
<meta property="og:site_name" content="Le Petit Forézien">
<meta name="author" content="Claire Martin">
<meta property="article:published_time" content="2024-03-14T10:00:00+01:00">
<script>document.body.innerHTML = "PIRATE"; alert("never run");</script>
</head><body>
<nav><a href="/">Accueil</a> <a href="/sport">Sport</a></nav>
<article><h1>Médiathèque : 40 000 euros votés</h1>
{"".join(f"<p>{p}</p>" for p in FR_BODY.split(chr(10)))}
</article>
<footer>Tous droits réservés</footer>
</body></html>"""


def test_from_text_detects_french_and_keeps_the_text_exactly() -> None:
    draft = from_text(FR_BODY)
    assert draft.text == FR_BODY
    assert draft.lang == "fr" and draft.lang_supported
    assert draft.origin == "paste"


def test_from_text_english_and_unsupported_language() -> None:
    assert from_text(EN_BODY).lang == "en"
    german = from_text(
        "Der Stadtrat hat am Donnerstag die Bibliothek mit 40.000 Euro gefördert, "
        "und die Arbeiten werden sechs Monate dauern, wie der Bürgermeister sagte."
    )
    assert german.lang == "de"
    assert not german.lang_supported
    assert german.text.startswith("Der Stadtrat")


def test_from_text_normalises_newlines_and_takes_a_headline_as_title() -> None:
    draft = from_text("Un titre court\r\nLe corps de l'article est ici.\r\n")
    assert draft.text == "Un titre court\nLe corps de l'article est ici.\n"
    assert draft.title == "Un titre court"
    assert from_text("Le corps seul.", title="  Mon titre ").title == "Mon titre"


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\ufeff"])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(UserError, match="empty"):
        from_text(text)


def test_language_detection_edges() -> None:
    assert detect_language("") == "und"
    assert detect_language("12 345 678") == "und"
    assert detect_language(FR_BODY) == "fr"
    assert detect_language(EN_BODY) == "en"
    assert detect_language("Macron a menti.") == "fr"  # too short to vote: French first
    assert detect_language("Xyzzy plugh quux frobnicate garply waldo fred thud corge.") == "und"


def test_txt_file_in_utf8_and_in_windows_1252(tmp_path: Path) -> None:
    utf8 = tmp_path / "a.txt"
    utf8.write_text(FR_BODY, encoding="utf-8")
    assert from_file(utf8).text == FR_BODY
    legacy = tmp_path / "b.txt"
    legacy.write_bytes(FR_BODY.encode("cp1252"))
    draft = from_file(legacy)
    assert draft.text == FR_BODY
    assert draft.origin == "file"


def test_utf16_file_with_a_bom_opens(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(FR_BODY.encode("utf-16"))
    assert from_file(path).text == FR_BODY


def test_markdown_file_opens_as_text(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Titre\n\n" + EN_BODY, encoding="utf-8")
    draft = from_file(path)
    assert draft.lang == "en"
    assert draft.text.startswith("# Titre")


def test_html_file_keeps_the_body_and_metadata_and_never_runs_scripts(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    draft = from_file(path)
    assert "subvention de 40 000 euros" in draft.text
    assert "PIRATE" not in draft.text and "alert" not in draft.text
    assert "Accueil" not in draft.text
    assert draft.title.startswith("Médiathèque")
    assert draft.author == "Claire Martin"
    assert draft.published == "2024-03-14"
    assert draft.outlet == "Le Petit Forézien"
    assert draft.lang == "fr"


def test_html_without_an_article_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")
    with pytest.raises(UserError, match="no article text"):
        from_file(path)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("report.pdf", b"%PDF-1.7\n%binary", "PDF"),
        ("report.txt", b"%PDF-1.7\n%renamed", "PDF"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "image"),
        ("blob.txt", b"abc\x00\x01\x02def", "binary"),
        ("doc.docx", b"PK\x03\x04rest", "ZIP"),
        ("sheet.odt", b"plain but unknown type", "unsupported file type"),
    ],
)
def test_unsupported_and_binary_files_are_refused(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UserError, match=message):
        from_file(path)


def test_a_50_mb_file_is_refused_without_being_read(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: instant to make
    opened = []
    monkeypatch.setattr(Path, "open", lambda *a, **k: opened.append(a) or io.BytesIO(b""))
    with pytest.raises(UserError, match="too large"):
        from_file(path)
    assert opened == []


def test_undecodable_bytes_are_refused(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "weird.txt"
    path.write_bytes(b"\xff\xfe\xfa\x81\x82\x83" * 10)
    monkeypatch.setattr(intake, "from_bytes", lambda data: SimpleNamespace(best=lambda: None))
    with pytest.raises(UserError, match="encoding"):
        from_file(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file"):
        from_file(tmp_path / "absent.txt")
    with pytest.raises(UserError, match="folder"):
        from_file(tmp_path)


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        routes = {
            "/article": ("text/html; charset=utf-8", HTML_PAGE.encode()),
            "/latin": ("text/html; charset=iso-8859-1", HTML_PAGE.encode("latin-1", "replace")),
            "/plain": ("text/plain; charset=utf-8", EN_BODY.encode()),
            "/doc.pdf": ("application/pdf", b"%PDF-1.4 binary"),
            "/data.json": ("application/json", b"{}"),
            "/nothing": ("text/html", b"<html><body><nav>Menu</nav></body></html>"),
        }
        if self.path not in routes:
            self.send_response(404)
            self.end_headers()
            return
        content_type, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_from_url_extracts_the_article(server: str) -> None:
    draft = from_url(f"{server}/article")
    assert draft.origin == "url"
    assert draft.url == f"{server}/article"
    assert "subvention de 40 000 euros" in draft.text
    assert draft.author == "Claire Martin"
    assert draft.lang == "fr"


def test_from_url_uses_the_declared_charset(server: str) -> None:
    assert "médiathèque" in from_url(f"{server}/latin").text


def test_from_url_plain_text(server: str) -> None:
    draft = from_url(f"{server}/plain")
    assert draft.text == EN_BODY
    assert draft.outlet == "127.0.0.1"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/doc.pdf", "PDF"),
        ("/data.json", "not a web page"),
        ("/gone", "HTTP 404"),
        ("/nothing", "no article text"),
    ],
)
def test_from_url_failures(server: str, path: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        from_url(f"{server}{path}")


def test_load_dispatches_paths_urls_and_stdin(tmp_path: Path, server: str, monkeypatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text(EN_BODY, encoding="utf-8")
    assert load(str(path)).origin == "file"
    assert load(f"{server}/plain").origin == "url"
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(FR_BODY.encode())))
    assert load("-").text == FR_BODY
    with pytest.raises(UserError, match="http or https only"):
        load("ftp://example.org/a.txt")


def test_load_refuses_binary_stdin(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(b"%PDF-1.5 data")))
    with pytest.raises(UserError, match="PDF"):
        load("-")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "# Le budget des écoles\n\nLe budget a baissé de 12 % depuis 2020.",
            "Le budget des écoles",
        ),
        ("## Titre de niveau deux ##\nLe corps.", "Titre de niveau deux"),
        ("Qui dit vrai sur le budget ?\nLe budget a baissé.", "Qui dit vrai sur le budget ?"),
        (
            "Le budget a baissé de 12 % depuis 2020, selon l'opposition, et le maire le conteste.",
            "Le budget a baissé de 12 % depuis…",
        ),
        (
            "Une phrase entière qui finit par un point.\nLa suite.",
            "Une phrase entière qui finit par un point…",
        ),
        ("Court.", "Court."),
    ],
)
def test_pasted_text_always_gets_a_title(text: str, title: str) -> None:
    assert from_text(text).title == title


def test_a_text_file_without_headline_is_titled_by_its_name(tmp_path: Path) -> None:
    path = tmp_path / "conseil municipal.txt"
    path.write_text(FR_BODY, encoding="utf-8")
    assert from_file(path).title == "conseil municipal"
    heading = tmp_path / "notes.md"
    heading.write_text("# Médiathèque : le vote\n\n" + FR_BODY, encoding="utf-8")
    assert from_file(heading).title == "Médiathèque : le vote"


def test_a_file_just_over_the_limit_says_by_how_much(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(intake.MAX_BYTES + 500_000)
    with pytest.raises(UserError, match=r"big\.txt is too large \(10\.5 MB; limit 10 MB\)"):
        from_file(path)
