"""PDF articles: their text layer and metadata, read with pypdf (nothing in the file runs).

A PDF whose pages carry no text (a scan, a photo of a page) is refused with what to do, since
Crible does no OCR; an encrypted one that needs a password is refused too. Lines broken by the
page layout are joined back into paragraphs so sentences split as they were written.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from app.errors import UserError

PDF_MAGIC = b"%PDF-"
MAX_PAGES = 200  # a news article is a few pages; a book is not an article
MIN_TEXT_PER_PAGE = 40  # characters: less is a scan with a caption or a page number

SHORT_LINE_SHARE = 0.7  # of the page's longest line: a shorter line ends a paragraph


@dataclass(frozen=True, slots=True)
class PdfContent:
    text: str
    title: str = ""
    author: str | None = None


def is_pdf(data: bytes) -> bool:
    return data.startswith(PDF_MAGIC)


def read_pdf(data: bytes, name: str) -> PdfContent:
    """The text and metadata of a PDF article; UserError for a scan, a locked or broken file."""
    # pypdf logs every recoverable oddity of real-world files as a warning: not the user's news.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UserError("{name} is protected by a password: open it, then paste its text",
                            name=name)  # fmt: skip
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise UserError("{name} has {count} pages: too long for an article (limit {limit})",
                            name=name, count=len(pages), limit=MAX_PAGES)  # fmt: skip
        texts = [page.extract_text() or "" for page in pages]
        info = reader.metadata
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise UserError("{name} is not a readable PDF ({reason})", name=name,
                        reason=type(exc).__name__) from exc  # fmt: skip
    text = "\n\n".join(paragraphs(page) for page in texts if page.strip()).strip()
    if len(text) < MIN_TEXT_PER_PAGE * max(1, len(texts)) // 2:
        raise UserError(
            "{name} has no text layer (a scanned PDF?): run it through OCR, or paste its text",
            name=name,
        )
    title = str(info.title or "").strip() if info else ""
    author = str(info.author or "").strip() if info else ""
    return PdfContent(text=text, title=title, author=author or None)


def paragraphs(page_text: str) -> str:
    """A page's lines joined back into paragraphs.

    A line much shorter than the page's full lines ends its paragraph (a title, the last line
    of a paragraph); a hyphen at a line's end is kept and joined without a space, since French
    breaks lines at the hyphens of "porte-parole" as often as it hyphenates a word.
    """
    lines = [" ".join(raw.split()) for raw in page_text.splitlines()]
    width = max((len(line) for line in lines), default=0)
    out: list[str] = []
    current = ""
    for line in lines:
        if line:
            joiner = "" if not current or current.endswith("-") else " "
            current = f"{current}{joiner}{line}"
        ends_short = len(line) < SHORT_LINE_SHARE * width and not line.endswith("-")
        if current and (not line or ends_short):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return "\n\n".join(out)
