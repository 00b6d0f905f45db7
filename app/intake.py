"""Getting an article in: pasted text, stdin, .txt/.md/.html files and web pages → ArticleDraft.

The draft's ``text`` is exactly what the checker sees and what every claim offset indexes.
Web pages go through trafilatura (body and metadata; nothing in them is ever executed).
Every expected failure is a one-line ``UserError`` raised before anything is stored.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from charset_normalizer import from_bytes

from app.errors import UserError, translatable
from app.interop.tabular import detect_encoding
from app.net import fetch, is_web_url, safe_url
from app.text.language import detect_language, is_supported
from app.text.titles import guess_title

MAX_BYTES = 10_000_000  # a news article is far below; a 50 MB file is refused before reading
MIN_HTML_TEXT = 40  # characters: less is a menu or a cookie banner, not an article
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_BINARY_MAGIC = {
    b"%PDF-": translatable("a PDF"),
    b"PK\x03\x04": translatable("a ZIP or office document"),
    b"\x89PNG": translatable("an image"),
    b"\xff\xd8\xff": translatable("an image"),
    b"GIF8": translatable("an image"),
    b"\x7fELF": translatable("a program"),
}


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """An article ready to split and store; not yet in the archive."""

    text: str
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date when known
    lang: str = "und"
    origin: str = "paste"  # "paste" | "file" | "url"
    lang_supported: bool = False


def from_text(
    text: str,
    *,
    title: str = "",
    origin: str = "paste",
    name: str | None = None,
    **meta: str | None,
) -> ArticleDraft:
    """A draft from text the user typed or pasted; UserError when there is nothing to read.

    Without a ``title`` the draft takes the text's headline, else ``name`` (a file's name
    without extension), else the text's first words: a title is never empty.
    """
    text = _clean(text)
    if not text.strip():
        raise UserError("the article is empty")
    lang = detect_language(text)
    return ArticleDraft(
        text=text,
        title=title.strip() or guess_title(text, name),
        lang=lang,
        origin=origin,
        lang_supported=is_supported(lang),
        **meta,
    )


def from_file(path: str | Path) -> ArticleDraft:
    """A draft from a .txt, .md or .html file, its encoding detected."""
    path = Path(path)
    data = _read_file(path)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix in TEXT_SUFFIXES and _looks_like_html(data)):
        return _from_html(decode_text(data, path.name), url=None, origin="file", name=path.stem)
    if suffix not in TEXT_SUFFIXES:
        raise UserError(
            "{name}: unsupported file type {suffix} (use .txt, .md or .html)",
            name=path.name,
            suffix=suffix,
        )
    return from_text(decode_text(data, path.name), origin="file", name=path.stem)


def from_url(url: str, *, timeout: float = 15.0) -> ArticleDraft:
    """A draft from a web page: its article body and metadata, boilerplate removed."""
    result = fetch(url, timeout=timeout, max_bytes=MAX_BYTES)
    shown = safe_url(result.url)
    _refuse_binary(result.content, shown)
    if result.content_type in HTML_TYPES or (
        not result.content_type and _looks_like_html(result.content)
    ):
        return _from_html(decode_text(result.content, shown, result.charset), result.url, "url")
    if result.content_type == "text/plain":
        draft = from_text(decode_text(result.content, shown, result.charset), origin="url")
        return _with(draft, url=result.url, outlet=urlsplit(result.url).hostname)
    kind = result.content_type or "unknown content"
    raise UserError("{url} is not a web page ({kind})", url=shown, kind=kind)


def load(source: str) -> ArticleDraft:
    """A draft from a path, an http(s) URL, or ``-`` for standard input."""
    if source == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise UserError(
                "standard input is larger than {limit} MB", limit=MAX_BYTES // 1_000_000
            )
        _refuse_binary(data, "standard input")
        return from_text(decode_text(data, "standard input"))
    if is_web_url(source):
        return from_url(source)
    if "://" in source:
        raise UserError("unsupported address (http or https only): {url}", url=safe_url(source))
    return from_file(source)


def _read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise UserError("{name} is a folder, not a file", name=path.name)
        if size > MAX_BYTES:
            limit = MAX_BYTES // 1_000_000
            raise UserError(
                "{name} is too large ({size} MB; limit {limit} MB)",
                name=path.name,
                size=f"{size / 1_000_000:.1f}",
                limit=limit,
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # the file may grow between stat and read
    except FileNotFoundError as exc:
        raise UserError("no such file: {path}", path=path) from exc
    except PermissionError as exc:
        raise UserError("cannot read {path}: permission denied", path=path) from exc
    except IsADirectoryError as exc:
        raise UserError("{name} is a folder, not a file", name=path.name) from exc
    if len(data) > MAX_BYTES:
        raise UserError(
            "{name} is too large (limit {limit} MB)", name=path.name, limit=MAX_BYTES // 1_000_000
        )
    _refuse_binary(data, path.name)
    return data


def _refuse_binary(data: bytes, name: str) -> None:
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise UserError(
                "{name} is {kind}, not text (paste its text or save it as .txt)",
                name=name,
                kind=kind,
            )
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UserError("{name} is a binary file, not text", name=name)


def decode_text(data: bytes, name: str, declared: str | None = None) -> str:
    """UTF-8 when valid (the common case), then the declared charset, then detection."""
    for encoding in ("utf-8-sig", declared):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    best = from_bytes(data).best()
    if best is None:
        raise UserError("{name}: cannot tell its text encoding (save it as UTF-8)", name=name)
    # Short French texts read "cleanly" in Baltic or Nordic code pages too (é → ķ); the
    # importer's rule lets Windows-1252 win a near tie.
    return data.decode(detect_encoding(data, name), errors="replace")


def _from_html(html: str, url: str | None, origin: str, name: str | None = None) -> ArticleDraft:
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
    )
    text = getattr(doc, "text", None) or ""
    if len(text.strip()) < MIN_HTML_TEXT:
        where = safe_url(url) if url else "this HTML"
        raise UserError("no article text found in {where}", where=where)
    title = getattr(doc, "title", None) or ""
    draft = from_text(text, title=title, origin=origin, name=name)
    return _with(
        draft,
        url=getattr(doc, "url", None) or url,
        outlet=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        author=getattr(doc, "author", None),
        published=getattr(doc, "date", None),
    )


def _with(draft: ArticleDraft, **changes: Any) -> ArticleDraft:
    return replace(draft, **changes)


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _clean(text: str) -> str:
    """One newline convention and no BOM: offsets must not shift between views."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
